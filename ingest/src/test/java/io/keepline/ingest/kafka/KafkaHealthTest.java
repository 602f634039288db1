package io.keepline.ingest.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest's Kafka health: UP with a reachable broker, DOWN within seconds when none
 * answers, since ingest then refuses every batch.
 */
@RealKafka
class KafkaHealthTest {

	@Test
	void isUpWhileTheBrokerAnswers(KafkaCluster cluster) throws Exception {
		KafkaHealth health = new KafkaHealth(new KafkaAdmin(cluster.adminProperties()));
		try {
			Health answer = health.health();

			assertThat(answer.getStatus()).isEqualTo(Status.UP);
			assertThat(answer.getDetails()).containsEntry("brokers", 1);
		}
		finally {
			health.destroy();
		}
	}

	@Test
	void isDownWithinSecondsWhenNoBrokerAnswers() throws Exception {
		KafkaHealth health = new KafkaHealth(
				new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort())));
		try {
			long started = System.nanoTime();

			Health answer = health.health();

			assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
			assertThat(answer.getDetails()).containsEntry("error", "TimeoutException");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		}
		finally {
			health.destroy();
		}
	}

	@Test
	void isDownWhenTheBrokerAddressDoesNotResolve() throws Exception {
		KafkaHealth health = new KafkaHealth(
				new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka.invalid:9092")));
		try {
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		}
		finally {
			health.destroy();
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
