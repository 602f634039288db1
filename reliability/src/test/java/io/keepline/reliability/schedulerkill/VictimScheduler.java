package io.keepline.reliability.schedulerkill;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.keepline.reliability.ClockOverride;
import io.keepline.reliability.ProcessLog;
import io.keepline.reliability.ServiceRun;
import io.keepline.standalone.FreePorts;
import io.keepline.testsupport.AcceleratedClock;

/**
 * The scheduler instance that gets killed: the real service, started by
 * {@link ServiceRun} with the scheduler's own Streams wiring, in a JVM of its own so that
 * SIGKILL ends it without any shutdown, on the accelerated clock the test JVM shares
 * through the clock's start file. Every restart reuses the state directory and appends to
 * one log.
 */
final class VictimScheduler implements AutoCloseable {

	private final List<String> arguments;

	private final File log;

	private Process process;

	private int port;

	/**
	 * A victim in application {@code applicationId} keeping its state in
	 * {@code stateDir}, on the accelerated clock of {@code clockBase}, {@code clockStart}
	 * and {@code speed}, writing its output to {@code log}.
	 */
	VictimScheduler(String bootstrapServers, String applicationId, Path stateDir, Instant clockBase, Path clockStart,
			long speed, Path log) throws IOException {
		this.arguments = List.of(bootstrapServers, applicationId, stateDir.toString(), clockBase.toString(),
				clockStart.toString(), Long.toString(speed));
		this.log = log.toFile();
		Files.deleteIfExists(log);
	}

	/** Runs in the victim's JVM. Args: the constructor's, then the management port. */
	public static void main(String[] args) throws InterruptedException {
		AcceleratedClock clock = new AcceleratedClock(Instant.parse(args[3]), Path.of(args[4]),
				Long.parseLong(args[5]));
		ServiceRun.scheduler(args[0], Path.of(args[2]), victimSettings(args[1], Integer.parseInt(args[6])),
				new ClockOverride(clock));
		new CountDownLatch(1).await();
	}

	/**
	 * Settings of every instance of the run: one application id, the service's default
	 * standby replica (ServiceRun's single instances have none), no read forwarding, and
	 * Streams' shortest probing rebalance interval (1 minute instead of 10). A killed
	 * instance loses its local state (exactly-once keeps no checkpoint of active tasks),
	 * so once its stores hold more than Streams' acceptable recovery lag (10,000 records
	 * a task, as at the full size) it gets its tasks back only after warming up and a
	 * probing rebalance; the test waits for that before the next kill.
	 */
	static Map<String, String> settings(String applicationId) {
		Map<String, String> settings = new HashMap<>();
		settings.put("spring.kafka.streams.application-id", applicationId);
		settings.put("spring.kafka.streams.properties.num.standby.replicas", "1");
		settings.put("spring.kafka.streams.properties.application.server", "");
		settings.put("spring.kafka.streams.properties.probing.rebalance.interval.ms", "60000");
		return settings;
	}

	/**
	 * The victim's settings: what a test may tune so that a killed instance is noticed
	 * quickly, as in the scheduler's own crash test: the broker's minimum session timeout
	 * (6 s instead of 45 s) and a 5 s transaction timeout (instead of 10 s), after which
	 * the broker aborts the killed instance's open transaction, which blocks
	 * read_committed readers of its partitions until then.
	 */
	static Map<String, String> victimSettings(String applicationId, int managementPort) {
		Map<String, String> settings = settings(applicationId);
		settings.put("management.server.port", Integer.toString(managementPort));
		settings.put("spring.kafka.streams.properties.consumer.session.timeout.ms", "6000");
		settings.put("spring.kafka.streams.properties.consumer.heartbeat.interval.ms", "1000");
		settings.put("spring.kafka.streams.properties.producer.transaction.timeout.ms", "5000");
		return settings;
	}

	/**
	 * Starts the victim on a new management port (state directory and clock as before).
	 */
	void start() throws IOException {
		this.port = FreePorts.find();
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
				"-cp", System.getProperty("java.class.path"), VictimScheduler.class.getName()));
		command.addAll(this.arguments);
		command.add(Integer.toString(this.port));
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log))
			.start();
	}

	/** SIGKILL: no shutdown hook, no leaving the group, no transaction abort. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	/** Whether the victim is alive and its health says Streams is RUNNING. */
	boolean healthy() {
		return this.process.isAlive()
				&& ServiceRun.healthy(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"));
	}

	/** The last {@code lines} lines of the victim's log, for a failure message. */
	String logTail(int lines) {
		return ProcessLog.tail(this.log.toPath(), lines);
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null) {
			kill();
		}
	}

}
