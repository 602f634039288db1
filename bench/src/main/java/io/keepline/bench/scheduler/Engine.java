package io.keepline.bench.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import io.keepline.bench.Waits;
import io.keepline.scheduler.deadline.EngineSettings;
import io.keepline.scheduler.engine.SchedulerTopology;
import io.keepline.scheduler.streams.BoundedRocksDbMemory;
import io.keepline.scheduler.streams.SchedulerStreamsTuning;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The scheduler under test: one or more instances of the scheduler's own topology
 * ({@link SchedulerTopology}) in this JVM, sharing one application id (and so the work),
 * each with its own state directory and as many stream threads as there are cores, with
 * the run's engine settings (the scheduler's defaults unless the command line changes
 * them), exactly-once, on the benchmark's clock, without Spring.
 */
final class Engine implements SchedulerUnderTest {

	private final List<KafkaStreams> instances = new ArrayList<>();

	private final List<LongAdder> emitted = new ArrayList<>();

	private volatile long runningNanos;

	Engine(String bootstrapServers, String applicationId, Path stateDir, ShiftedClock clock, EngineSettings settings,
			int instances) {
		this.clock = clock;
		for (int i = 0; i < instances; i++) {
			Properties props = new Properties();
			props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
			props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
			props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
			props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("instance-" + (i + 1)).toString());
			props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Runtime.getRuntime().availableProcessors());
			props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
			// the scheduler service's bounded RocksDB memory (default 256 MiB for all
			// stores of the JVM)
			props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
			// and its throughput settings
			props.putAll(SchedulerStreamsTuning.properties());
			// A dynamic member leaves the group on close only with this (leaveGroup in
			// CloseOptions acts on static members): without it a restart waits for the
			// session timeout.
			props.put(StreamsConfig.consumerPrefix("internal.leave.group.on.close"), true);
			LongAdder count = new LongAdder();
			KafkaStreams streams = new KafkaStreams(
					SchedulerTopology.build(settings, clock, (event, lateness) -> count.increment()), props);
			streams.setStateListener((now, before) -> {
				if (now == KafkaStreams.State.RUNNING && this.runningNanos == 0 && allRunning()) {
					this.runningNanos = System.nanoTime();
				}
			});
			this.instances.add(streams);
			this.emitted.add(count);
		}
	}

	private boolean allRunning() {
		return this.instances.stream().allMatch((streams) -> streams.state() == KafkaStreams.State.RUNNING);
	}

	private final ShiftedClock clock;

	@Override
	public long start() {
		long started = System.nanoTime();
		this.instances.forEach(KafkaStreams::start);
		return started;
	}

	@Override
	public long awaitRunning(Duration timeout) throws TimeoutException {
		Waits.until("the scheduler to be RUNNING", timeout, () -> this.runningNanos != 0 || failed());
		if (failed()) {
			throw new IllegalStateException(
					"The scheduler stopped: " + this.instances.stream().map(KafkaStreams::state).toList());
		}
		return this.runningNanos;
	}

	/** Whether every instance has been RUNNING. */
	boolean running() {
		return this.runningNanos != 0;
	}

	boolean failed() {
		return this.instances.stream()
			.map(KafkaStreams::state)
			.anyMatch((state) -> state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
					|| state == KafkaStreams.State.PENDING_ERROR);
	}

	@Override
	public void jumpTo(Instant instant) {
		this.clock.jumpTo(instant);
	}

	/**
	 * How many deadline events each instance has emitted so far (inside transactions that
	 * may still abort), instance by instance.
	 */
	@Override
	public List<Long> emittedByInstance() {
		return this.emitted.stream().map(LongAdder::sum).toList();
	}

	/**
	 * The sum of a RocksDB metric (such as {@code size-all-mem-tables}) over every store
	 * of every instance, in bytes; NaN when Kafka Streams does not report it.
	 */
	@Override
	public double rocksDb(String metric) {
		double sum = 0;
		boolean found = false;
		for (Map.Entry<MetricName, ? extends Metric> entry : metrics()) {
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
	@Override
	public double rocksDbShared(String metric) {
		double max = Double.NaN;
		for (Map.Entry<MetricName, ? extends Metric> entry : metrics()) {
			if (entry.getKey().name().equals(metric) && entry.getKey().group().equals("stream-state-metrics")
					&& entry.getValue().metricValue() instanceof Number value) {
				max = Double.isNaN(max) ? value.doubleValue() : Math.max(max, value.doubleValue());
			}
		}
		return max;
	}

	/**
	 * How many records the instances' producers have sent so far: changelogs, deadline
	 * events and line records together.
	 */
	@Override
	public double recordsSent() {
		double sum = 0;
		for (Map.Entry<MetricName, ? extends Metric> entry : metrics()) {
			if (entry.getKey().name().equals("record-send-total") && entry.getKey().group().equals("producer-metrics")
					&& entry.getValue().metricValue() instanceof Number value) {
				sum += value.doubleValue();
			}
		}
		return sum;
	}

	private List<Map.Entry<MetricName, ? extends Metric>> metrics() {
		List<Map.Entry<MetricName, ? extends Metric>> all = new ArrayList<>();
		this.instances.forEach((streams) -> all.addAll(streams.metrics().entrySet()));
		return all;
	}

	@Override
	public long otherProcessesCpuNanos() {
		return 0;
	}

	@Override
	public void close() {
		// Leave the group, so that the restarted instances get their tasks at once
		// instead of after the old members' session timeout.
		this.instances.forEach((streams) -> streams
			.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30))));
	}

}
