package io.keepline.ingest.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

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

	private final Admin admin;

	KafkaHealth(KafkaAdmin kafkaAdmin) {
		this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
	}

	@Override
	public Health health() {
		try {
			int brokers = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
				.nodes()
				.get()
				.size();
			return Health.up().withDetail("brokers", brokers).build();
		}
		catch (ExecutionException ex) {
			return Health.down().withDetail("error", ex.getCause().getClass().getSimpleName()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().build();
		}
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(1));
	}

}
