package io.keepline.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import io.keepline.ingest.validation.Samples;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest pointed at a Kafka that is not there: it starts, batches are refused with 503
 * within seconds (line owners cannot be read, nor could a batch be published), nothing is
 * reported accepted, and it stops promptly.
 */
class KafkaOutageTest {

	static final String KEY = "orange-outage-key-01";

	@Test
	void answers503QuicklyAndAcceptsNothingWhenKafkaIsUnreachable() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class).run(
				"--server.port=0", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort(), "--keepline.operators.keys=orange=" + KEY,
				"--keepline.ingest.raw.enabled=false", "--spring.kafka.admin.auto-create=false",
				"--spring.kafka.producer.properties.max.block.ms=3000",
				"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("ingest-outage"))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/line-events"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + KEY)
				.POST(HttpRequest.BodyPublishers.ofString("[" + Samples.lineRegistered() + "]"))
				.build();
			long started = System.nanoTime();

			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());

			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).contains("5");
			assertThat(response.body()).doesNotContain("accepted\"").contains("nothing of it was accepted");
			assertThat(took).as("bounded by max.block.ms, not Kafka's 60 s default").isLessThan(Duration.ofSeconds(30));
			long closing = System.nanoTime();
			context.close();
			assertThat(Duration.ofNanos(System.nanoTime() - closing))
				.as("stopping does not wait for the line owners' pending start")
				.isLessThan(Duration.ofSeconds(15));
		}
	}

	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
