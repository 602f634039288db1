package io.keepline.support.kafka;

import java.util.HashMap;
import java.util.Map;

import io.keepline.contracts.topic.Topic;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Builds a service's Kafka clients for catalogue topics from Boot's
 * {@code spring.kafka.*} settings, so that client policy (acks, idempotence, isolation,
 * offsets, SASL/TLS, tuning) lives in YAML and nowhere in code: producer factories with
 * the topic's serializers, and listener container factories configured by Boot's own
 * configurer (so that {@code spring.kafka.listener.*} applies) with the topic's
 * deserializers wrapped in {@link ErrorHandlingDeserializer}, so that an unreadable
 * record reaches the error handler instead of stopping the consumer.
 */
public final class KafkaClients {

	private final KafkaProperties properties;

	private final ConcurrentKafkaListenerContainerFactoryConfigurer configurer;

	public KafkaClients(KafkaProperties properties, ConcurrentKafkaListenerContainerFactoryConfigurer configurer) {
		this.properties = properties;
		this.configurer = configurer;
	}

	/**
	 * A producer factory for {@code topic}'s records, to be declared as a bean so that
	 * the context closes its producer.
	 */
	public <K, V> DefaultKafkaProducerFactory<K, V> producerFactory(Topic<K, V> topic) {
		return new DefaultKafkaProducerFactory<>(producerProperties(), topic.keySerde().serializer(),
				topic.valueSerde().serializer());
	}

	/**
	 * A template writing {@code topic}'s records through a producer of its own, to be
	 * declared as a bean: the context then closes the producer with it.
	 */
	public <K, V> KafkaTemplate<K, V> template(Topic<K, V> topic) {
		return new OwningKafkaTemplate<>(producerFactory(topic));
	}

	/**
	 * A producer factory that writes what it is given as it was read: raw bytes, or keys
	 * and values in the wire format of the catalogue topic the destination belongs to.
	 */
	public DefaultKafkaProducerFactory<Object, Object> forwardingProducerFactory() {
		return new DefaultKafkaProducerFactory<>(producerProperties(), new CatalogueSerializer(),
				new CatalogueSerializer());
	}

	/**
	 * A listener container factory for {@code topic}, configured as Boot configures its
	 * own.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public <K, V> ConcurrentKafkaListenerContainerFactory<K, V> listenerFactory(Topic<K, V> topic) {
		ConcurrentKafkaListenerContainerFactory<K, V> factory = new ConcurrentKafkaListenerContainerFactory<>();
		ConsumerFactory<K, V> consumers = new DefaultKafkaConsumerFactory<>(consumerProperties(),
				new ErrorHandlingDeserializer<>(topic.keySerde().deserializer()),
				new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer()));
		this.configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) consumers);
		return factory;
	}

	/** Consumer settings from {@code spring.kafka.consumer.*} and the common ones. */
	public Map<String, Object> consumerProperties() {
		return new HashMap<>(this.properties.buildConsumerProperties());
	}

	/** Producer settings from {@code spring.kafka.producer.*} and the common ones. */
	public Map<String, Object> producerProperties() {
		return new HashMap<>(this.properties.buildProducerProperties());
	}

}
