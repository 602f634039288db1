package io.keepline.ingest.lines;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shutdown while the operator API's global stores are still restoring (here: waiting
 * for a Kafka that is not there) must close the application before it returns, so that
 * nothing of it runs on once ingest removed its state directory.
 */
class OperatorApiStarterTest {

	@TempDir
	Path state;

	@Test
	void stopCutsARestoreShortAndLeavesNothingRunning() throws Exception {
		String applicationId = "operator-api-starter-test";
		StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(
				Map.of(StreamsConfig.APPLICATION_ID_CONFIG, applicationId, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
						"127.0.0.1:1", StreamsConfig.STATE_DIR_CONFIG, this.state.toString())));
		factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {

			@Override
			public void configureBuilder(StreamsBuilder builder) {
				LinesTopology.define(builder);
			}

		});
		factory.setAutoStartup(false);
		factory.afterPropertiesSet();
		factory.afterSingletonsInstantiated();
		OperatorApiStarter starter = new OperatorApiStarter(factory);
		starter.start();
		await("a restore under way").atMost(Duration.ofSeconds(30))
			.until(() -> starter.streams() != null && globalThreads(applicationId) > 0);

		long began = System.nanoTime();
		starter.stop();
		Duration stopping = Duration.ofNanos(System.nanoTime() - began);

		assertThat(stopping).as("stop while restoring").isLessThan(Duration.ofSeconds(20));
		assertThat(globalThreads(applicationId)).as("global threads left running").isZero();
		assertThat(starter.streams().state()).isIn(KafkaStreams.State.NOT_RUNNING, KafkaStreams.State.ERROR);
		assertThat(starter.isRunning()).isFalse();
	}

	private static long globalThreads(String applicationId) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith(applicationId)
					&& thread.getName().endsWith("GlobalStreamThread"))
			.count();
	}

}
