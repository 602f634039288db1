package io.keepline.support.deadletters;

import java.time.Clock;
import java.util.List;

import io.keepline.contracts.deadletter.ReplayMark;
import io.keepline.contracts.topic.Topics;
import io.keepline.support.kafka.KafkaClients;
import io.keepline.support.kafka.KafkaSupportAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The dead-letter admin of a service that declares {@link DeadLetterSource}s: the
 * {@code deadletters} actuator endpoint, its replay marks (declaring their topic), and
 * the admin token that guards it.
 */
@AutoConfiguration(after = KafkaSupportAutoConfiguration.class)
@ConditionalOnBean(DeadLetterSource.class)
@EnableConfigurationProperties(AdminSettings.class)
public class DeadLettersAutoConfiguration {

	@Bean
	KafkaAdmin.NewTopics keeplineReplayMarksTopic() {
		return new KafkaAdmin.NewTopics(Topics.DEAD_LETTER_REPLAYS.newTopic());
	}

	@Bean
	KafkaTemplate<String, ReplayMark> keeplineReplayMarksTemplate(KafkaClients clients) {
		return clients.template(Topics.DEAD_LETTER_REPLAYS);
	}

	@Bean
	DeadLetterAdmin keeplineDeadLetterAdmin(List<DeadLetterSource> sources, KafkaClients clients,
			KafkaTemplate<String, ReplayMark> keeplineReplayMarksTemplate, AdminSettings settings,
			ObjectProvider<Clock> clock) {
		TopicReader reader = new TopicReader(clients.consumerProperties(), settings.readTimeout());
		ReplayMarks marks = new ReplayMarks(reader, keeplineReplayMarksTemplate, clock.getIfAvailable(Clock::systemUTC),
				settings.readTimeout());
		return new DeadLetterAdmin(sources, reader, marks);
	}

	@Bean
	DeadLettersEndpoint keeplineDeadLettersEndpoint(DeadLetterAdmin keeplineDeadLetterAdmin) {
		return new DeadLettersEndpoint(keeplineDeadLetterAdmin);
	}

}
