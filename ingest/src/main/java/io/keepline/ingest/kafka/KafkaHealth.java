package io.keepline.ingest.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Health of ingest's link to Kafka: DOWN while no broker answers within two seconds, as
 * ingest then refuses every batch with 503, so that a load balancer or an operator sees
 * it; UP again as soon as the cluster answers.
 */
@Component("kafka")
class KafkaHealth implements HealthIndicator, DisposableBean {

	private static final int TIMEOUT_MILLIS = 2_000;

	private final Map<String, Object> clientProperties;

	/** Created on the first check, so that start-up never waits for Kafka. */
	private Admin admin;

	KafkaHealth(KafkaAdmin kafkaAdmin) {
		this.clientProperties = kafkaAdmin.getConfigurationProperties();
	}

	@Override
	public Health health() {
		try {
			int brokers = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
				.nodes()
				.get()
				.size();
			return Health.up().withDetail("brokers", brokers).build();
		}
		catch (ExecutionException ex) {
			return Health.down().withDetail("error", ex.getCause().getClass().getSimpleName()).build();
		}
		catch (KafkaException ex) {
			return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().build();
		}
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.clientProperties);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
		}
	}

}
