package io.keepline.support.kafka;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A {@link KafkaTemplate} that owns its producer factory: declared as a bean, it closes
 * the producer when the context closes, so that a service needs one bean per topic it
 * writes, not a factory bean and a template bean.
 */
final class OwningKafkaTemplate<K, V> extends KafkaTemplate<K, V> {

	private final DefaultKafkaProducerFactory<K, V> factory;

	OwningKafkaTemplate(DefaultKafkaProducerFactory<K, V> factory) {
		super(factory);
		this.factory = factory;
	}

	@Override
	public void destroy() {
		super.destroy();
		this.factory.destroy();
	}

}
