package io.keepline.notifier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import io.keepline.contracts.topic.Topics;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.Unique;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier as deployed, on a real broker: health and metrics answer on its management
 * port, and its public port answers none of them.
 */
@RealKafka
class NotifierManagementPortTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesActuatorOnTheManagementPortOnly(KafkaCluster cluster) throws Exception {
		cluster.createTopics(Topics.LINES, Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS);
		try (ConfigurableApplicationContext notifier = new SpringApplicationBuilder(NotifierApplication.class)
			.registerShutdownHook(false)
			.run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
					"--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
					"--keepline.notifier.group-id=" + Unique.name("notifier-management"),
					"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("notifier-management"),
					"--keepline.links.secret=management-link-secret-0123456789abcdef",
					"--keepline.notifier.webhook-secrets=orange=k1:whsec_management_orange_secret_of_32_bytes")) {
			String publicPort = notifier.getEnvironment().getRequiredProperty("local.server.port");
			String managementPort = notifier.getEnvironment().getRequiredProperty("local.management.port");
			assertThat(managementPort).isNotEqualTo(publicPort);
			for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
				await(path + " on the management port").atMost(Duration.ofSeconds(90))
					.until(() -> status(managementPort, path) == 200);
				assertThat(status(publicPort, path)).as("%s on the public port", path).isEqualTo(404);
			}
		}
	}

	private int status(String port, String path) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
