package io.keepline.scheduler.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import io.keepline.scheduler.deadline.EngineSettings;
import io.keepline.testsupport.AcceleratedClock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One scheduler instance without Spring, on an accelerated clock: run in a separate JVM
 * by the crash test (so that it can be killed for real), or in the test JVM.
 */
final class SchedulerNode {

	private SchedulerNode() {
	}

	/**
	 * Args: bootstrap servers, application id, state dir, clock base, real start, speed.
	 */
	public static void main(String[] args) throws InterruptedException {
		KafkaStreams streams = start(args[0], args[1], args[2],
				new AcceleratedClock(Instant.parse(args[3]), Path.of(args[4]), Long.parseLong(args[5])));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> streams.close(Duration.ofSeconds(5))));
		new CountDownLatch(1).await();
	}

	static KafkaStreams start(String bootstrap, String applicationId, String stateDir, AcceleratedClock clock) {
		KafkaStreams streams = new KafkaStreams(
				SchedulerTopology.build(EngineSettings.defaults().withPunctuationInterval(Duration.ofMillis(200)),
						clock, EngineListener.NONE),
				config(bootstrap, applicationId, stateDir));
		streams.setStateListener((now, before) -> System.out.println("STATE " + now));
		streams.start();
		return streams;
	}

	static Properties config(String bootstrap, String applicationId, String stateDir) {
		Properties config = new Properties();
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
		// A killed instance's open transaction blocks read_committed readers
		// until the broker aborts it: 5 s instead of Streams' EOS default of 10 s.
		config.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 5000);
		return config;
	}

}
