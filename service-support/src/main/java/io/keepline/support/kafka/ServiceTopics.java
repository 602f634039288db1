package io.keepline.support.kafka;

import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.topic.Topic;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service declares, as one {@code KafkaAdmin.NewTopics} bean: the catalogue
 * topics it is the single writer of, and the dead-letter topics of the topics it reads
 * (each laid out like its topic, so that a dead letter keeps its record's partition).
 * <pre>{@code
 * &#64;Bean
 * KafkaAdmin.NewTopics schedulerTopics() {
 *     return ServiceTopics.writes(Topics.DEADLINE_EVENTS).deadLettersOf(Topics.LINE_EVENTS, Topics.PAYMENT_EVENTS);
 * }
 * }</pre>
 */
public final class ServiceTopics {

	private final List<NewTopic> topics;

	private ServiceTopics(List<NewTopic> topics) {
		this.topics = topics;
	}

	/** The catalogue topics this service writes (and so declares). */
	public static ServiceTopics writes(Topic<?, ?>... owned) {
		List<NewTopic> topics = new ArrayList<>();
		for (Topic<?, ?> topic : owned) {
			topics.add(topic.newTopic());
		}
		return new ServiceTopics(topics);
	}

	/** No catalogue topic of its own: only dead letters. */
	public static ServiceTopics writesNone() {
		return new ServiceTopics(new ArrayList<>());
	}

	/** Adds the dead-letter topics of the topics this service reads. */
	public KafkaAdmin.NewTopics deadLettersOf(Topic<?, ?>... read) {
		for (Topic<?, ?> topic : read) {
			this.topics.add(topic.newDeadLetterTopic());
		}
		return declare();
	}

	/** The topics to declare. */
	public KafkaAdmin.NewTopics declare() {
		return new KafkaAdmin.NewTopics(this.topics.toArray(NewTopic[]::new));
	}

}
