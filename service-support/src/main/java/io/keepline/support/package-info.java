/**
 * The one way every Keepline service wires its plumbing, as Spring Boot
 * auto-configuration: topics from the catalogue, Kafka clients from
 * {@code spring.kafka.*}, dead letters, Kafka Streams defaults and health, operator keys,
 * signed links, RFC 9457 errors and the start-up report. A service adds only what is its
 * own.
 */
package io.keepline.support;
