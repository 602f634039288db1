package io.keepline.support.kafka;

import java.time.Duration;

import io.keepline.contracts.topic.Topic;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Kafka clients built the one way ({@link KafkaClients}) and the service's dead-letter
 * publishing ({@link DeadLetters}) through one producer, a bean so that the context
 * closes it.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class KafkaSupportAutoConfiguration {

	/**
	 * Static, as a post-processor: it bounds the retention of the service's dead-letter
	 * and retry topics before the admin creates them.
	 */
	@Bean
	static HeldCopyRetention keeplineHeldCopyRetention(Environment environment) {
		Binder binder = Binder.get(environment);
		return new HeldCopyRetention(
				binder.bind(HeldCopyRetention.PROPERTY, Duration.class).orElse(Topic.HELD_COPY_RETENTION),
				CompactionBound.from(environment), binder.bind(HeldCopyRetention.REJECTED_PROPERTY, Duration.class)
					.orElse(HeldCopyRetention.REJECTED_EVENTS));
	}

	@Bean
	KafkaClients keeplineKafkaClients(KafkaProperties properties,
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer) {
		return new KafkaClients(properties, configurer);
	}

	@Bean
	DefaultKafkaProducerFactory<Object, Object> keeplineDeadLetterProducerFactory(KafkaClients clients) {
		return clients.forwardingProducerFactory();
	}

	@Bean
	DeadLetters keeplineDeadLetters(DefaultKafkaProducerFactory<Object, Object> keeplineDeadLetterProducerFactory) {
		return new DeadLetters(new KafkaTemplate<>(keeplineDeadLetterProducerFactory));
	}

}
