package io.keepline.bench.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;

import io.keepline.bench.Waits;
import io.keepline.scheduler.deadline.EngineSettings;
import io.keepline.scheduler.engine.EngineListener;
import io.keepline.scheduler.engine.SchedulerTopology;
import io.keepline.scheduler.streams.BoundedRocksDbMemory;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One scheduler instance: the scheduler's own topology ({@link SchedulerTopology}) with
 * the run's engine settings (the scheduler's defaults unless the command line changes
 * them), exactly-once, on the benchmark's clock, without Spring.
 */
final class Engine implements AutoCloseable {

	private final KafkaStreams streams;

	private volatile long runningNanos;

	Engine(String bootstrapServers, String applicationId, Path stateDir, ShiftedClock clock, EngineSettings settings) {
		Properties props = new Properties();
		props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Runtime.getRuntime().availableProcessors());
		props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
		// the scheduler service's bounded RocksDB memory (default 256 MiB for all stores)
		props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
		// A dynamic member leaves the group on close only with this (leaveGroup in
		// CloseOptions acts on static members): without it a restart waits for the
		// session timeout.
		props.put(StreamsConfig.consumerPrefix("internal.leave.group.on.close"), true);
		this.streams = new KafkaStreams(SchedulerTopology.build(settings, clock, EngineListener.NONE), props);
		this.streams.setStateListener((now, before) -> {
			if (now == KafkaStreams.State.RUNNING && this.runningNanos == 0) {
				this.runningNanos = System.nanoTime();
			}
		});
	}

	/** Starts the instance; returns the nano time it was started at. */
	long start() {
		long started = System.nanoTime();
		this.streams.start();
		return started;
	}

	/** Waits until the instance is RUNNING; returns the nano time it got there. */
	long awaitRunning(Duration timeout) throws TimeoutException {
		Waits.until("the scheduler to be RUNNING", timeout, () -> this.runningNanos != 0 || failed());
		if (failed()) {
			throw new IllegalStateException("The scheduler stopped: " + this.streams.state());
		}
		return this.runningNanos;
	}

	boolean failed() {
		KafkaStreams.State state = this.streams.state();
		return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
				|| state == KafkaStreams.State.PENDING_ERROR;
	}

	/**
	 * The sum of a RocksDB metric (such as {@code size-all-mem-tables}) over every store
	 * of this instance, in bytes; NaN when Kafka Streams does not report it.
	 */
	double rocksDb(String metric) {
		double sum = 0;
		boolean found = false;
		for (Map.Entry<MetricName, ? extends Metric> entry : this.streams.metrics().entrySet()) {
			if (entry.getKey().name().equals(metric) && entry.getKey().group().equals("stream-state-metrics")
					&& entry.getValue().metricValue() instanceof Number value) {
				sum += value.doubleValue();
				found = true;
			}
		}
		return found ? sum : Double.NaN;
	}

	/**
	 * A RocksDB metric that every store reports for the one cache they share (such as
	 * {@code block-cache-usage}): the largest value any store reports, in bytes.
	 */
	double rocksDbShared(String metric) {
		double max = Double.NaN;
		for (Map.Entry<MetricName, ? extends Metric> entry : this.streams.metrics().entrySet()) {
			if (entry.getKey().name().equals(metric) && entry.getKey().group().equals("stream-state-metrics")
					&& entry.getValue().metricValue() instanceof Number value) {
				max = Double.isNaN(max) ? value.doubleValue() : Math.max(max, value.doubleValue());
			}
		}
		return max;
	}

	@Override
	public void close() {
		// Leave the group, so that the restarted instance gets its tasks at once
		// instead of after the old member's session timeout.
		this.streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
	}

}
