package io.keepline.support.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Kafka clients built the one way ({@link KafkaClients}) and the service's dead-letter
 * publishing ({@link DeadLetters}) through one producer, a bean so that the context
 * closes it.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class KafkaSupportAutoConfiguration {

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
