package io.keepline.notifier.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.contracts.topic.Topics;
import io.keepline.support.kafka.KafkaClients;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadline records forwarded to the retry and dead-letter topics are written as they were
 * read: msisdn keys as their text, events in the catalogue's wire format, and the raw
 * bytes of records that could not be read.
 */
class RetryForwardingFormatTest {

	private static final List<String> DESTINATIONS = List.of(Topics.DEADLINE_EVENTS.name() + "-retry",
			Topics.DEADLINE_EVENTS.name() + "-retry-0", Topics.DEADLINE_EVENTS.name() + "-retry-5",
			Topics.DEADLINE_EVENTS.deadLetter());

	private final DefaultKafkaProducerFactory<Object, Object> forwarding = new KafkaClients(new KafkaProperties(), null)
		.forwardingProducerFactory();

	@Test
	@SuppressWarnings("unchecked")
	void writesEveryDeadlineEventTypeInTheWireFormatAndUnreadableRecordsAsTheyCame() {
		Serializer<Object> keys = (Serializer<Object>) this.forwarding.getKeySerializer();
		Serializer<Object> values = (Serializer<Object>) this.forwarding.getValueSerializer();
		byte[] unreadable = "{\"type\":\"ReminderDue\",\"stage\":\"soon\"}".getBytes(StandardCharsets.UTF_8);
		for (String destination : DESTINATIONS) {
			for (DeadlineEvent event : EventSamples.everyPermitted(DeadlineEvent.class)) {
				assertThat(keys.serialize(destination, event.msisdn()))
					.isEqualTo(event.msisdn().value().getBytes(StandardCharsets.UTF_8));
				assertThat(values.serialize(destination, event)).isEqualTo(EventJson.write(event, DeadlineEvent.class));
			}
			assertThat(keys.serialize(destination, unreadable)).isEqualTo(unreadable);
			assertThat(values.serialize(destination, unreadable)).isEqualTo(unreadable);
			assertThat(values.serialize(destination, null)).isNull();
		}
	}

}
