package io.keepline.reliability.cliimport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.topic.Topics;
import io.keepline.reliability.ServiceRun;
import io.keepline.ingest.IngestApplication;
import io.keepline.reliability.Scale;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The command-line import at full size ({@code -Preliability-full}: 1,000,000 lines)
 * through a real ingest: the built jar runs as its own process with progress on stderr,
 * is stopped mid-way as Ctrl-C stops it (SIGTERM, its shutdown hook), and the same
 * command finishes the file: every line registered exactly once on line-events. The
 * default build runs the quick size in the cli module's own test.
 */
@RealKafka
class CliImportTest {

	private static final String KEY = "cli-full-orange-key";

	private static final Path JAR = Path.of("..", "cli", "target", "keepline-cli.jar");

	@Test
	void importsAMillionLinesOnceAcrossAnInterruption(KafkaCluster cluster, @TempDir Path dir) throws Exception {
		assumeThat(Scale.current()).as("the quick size runs in the cli module").isEqualTo(Scale.FULL);
		assertThat(JAR).as("build the cli module first: ./mvnw -B -pl cli,reliability -am verify").exists();
		int rows = 1_000_000;
		Path csv = dir.resolve("lines.csv");
		writeLines(csv, rows);
		try (ConfigurableApplicationContext ingest = new SpringApplicationBuilder(IngestApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
				"--keepline.operators.keys=orange=" + KEY, "--keepline.ingest.raw.enabled=false",
				"--keepline.line-keys.data-key=" + ServiceRun.DATA_KEY,
				"--spring.kafka.streams.state-dir=" + dir.resolve("state"), "--spring.jmx.enabled=false")) {
			String url = "http://127.0.0.1:" + ingest.getEnvironment().getProperty("local.server.port");
			Path checkpoint = dir.resolve("lines.csv.checkpoint");

			Process first = start(csv, url, dir.resolve("first.err"));
			await().atMost(Duration.ofMinutes(10)).until(() -> rowsIn(checkpoint) >= rows / 3);
			first.destroy();
			assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
			long stoppedAt = rowsIn(checkpoint);
			assertThat(stoppedAt).isLessThan(rows);

			Process second = start(csv, url, dir.resolve("second.err"));
			assertThat(second.waitFor(30, TimeUnit.MINUTES)).isTrue();
			String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String progress = Files.readString(dir.resolve("second.err"));
			assertThat(second.exitValue()).as(out + progress).isZero();
			assertThat(progress).contains("Continuing after row").contains("rows/s");
			assertThat(out).contains("1,000,000 rows, 1,000,000 accepted, 0 rejected");

			Map<String, Integer> registered = registrations(cluster);
			assertThat(registered).hasSize(rows);
			assertThat(registered.values()).containsOnly(1);
		}
	}

	private static Process start(Path csv, String ingest, Path err) throws IOException {
		return new ProcessBuilder("java", "-jar", JAR.toString(), "import", csv.toString(), "--operator-key", KEY,
				"--ingest", ingest, "--batch-rows", "1000")
			.redirectError(err.toFile())
			.start();
	}

	private static void writeLines(Path csv, int rows) throws IOException {
		String validUntil = LocalDate.now().plusDays(90).toString();
		try (BufferedWriter writer = Files.newBufferedWriter(csv)) {
			writer.write("type,msisdn,operator,plan,validUntil,renewalPrice.amountCents,renewalPrice.currency,"
					+ "holder.email,holder.locale,holder.timeZone\n");
			for (int row = 0; row < rows; row++) {
				writer.write("LineRegistered," + String.format("+3248%07d", row) + ",orange,orange-prepaid-15,"
						+ validUntil + ",1500,EUR,h" + row + "@example.com,nl,Europe/Brussels\n");
			}
		}
	}

	private static Map<String, Integer> registrations(KafkaCluster cluster) {
		Map<String, Object> properties = cluster.consumerProperties("unused");
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		Map<String, Integer> counts = new HashMap<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			consumer.partitionsFor(Topics.LINE_EVENTS.name())
				.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					LineEvent event = Topics.LINE_EVENTS.valueSerde()
						.deserializer()
						.deserialize(record.topic(), record.value());
					if (event instanceof LineRegistered registered && registered.msisdn().value().startsWith("+3248")) {
						counts.merge(registered.msisdn().value(), 1, Integer::sum);
					}
				}
			}
		}
		return counts;
	}

	private static long rowsIn(Path checkpoint) throws IOException {
		if (!Files.isRegularFile(checkpoint)) {
			return 0;
		}
		Properties properties = new Properties();
		try (var reader = Files.newBufferedReader(checkpoint)) {
			properties.load(reader);
		}
		return Long.parseLong(properties.getProperty("rows", "0"));
	}

}
