package io.keepline.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a real Kafka broker, shared by every test class of the
 * test JVM. Spring tests see it as {@code spring.kafka.bootstrap-servers}; other tests
 * can take a {@link KafkaCluster} parameter.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealKafkaExtension.class)
public @interface RealKafka {

}
