package io.keepline.support.streams;

import org.springframework.boot.health.contributor.Health;

/**
 * Details a service adds to its Streams health (a bean of this type): how many lines a
 * view holds, why it is not ready yet.
 */
@FunctionalInterface
public interface StreamsHealthDetails {

	void addTo(Health.Builder health);

}
