package io.keepline.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.standalone.FreePorts;
import io.keepline.standalone.broker.BrokerMain;
import org.apache.kafka.clients.admin.Admin;

import static org.awaitility.Awaitility.await;

/**
 * The standalone's broker ({@link BrokerMain}) in a JVM of its own, so that a scenario
 * can kill it with SIGKILL: no controlled shutdown, no final flush, log recovery at the
 * next start. It holds the catalogue topics and keeps its ports and data across restarts.
 */
public final class BrokerProcess implements StoppableBroker {

	private final List<String> command;

	private final Path log;

	private final int port;

	private Process process;

	private BrokerProcess(Path dataRoot, Path log) {
		this.port = FreePorts.find();
		this.command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(),
				"--port=" + this.port, "--controller-port=" + FreePorts.find(), "--data-dir=" + dataRoot);
		this.log = log;
	}

	/**
	 * Starts a broker keeping its data under {@code dataRoot} and its output in
	 * {@code log} (replaced), and creates the catalogue.
	 */
	public static BrokerProcess start(Path dataRoot, Path log) {
		try {
			Files.deleteIfExists(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		BrokerProcess broker = new BrokerProcess(dataRoot, log);
		broker.restart();
		broker.createTopics(Topics.all().toArray(Topic<?, ?>[]::new));
		return broker;
	}

	/** SIGKILL, and waits until the process is gone. */
	@Override
	public void stop() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void restart() {
		try {
			this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (Admin admin = Admin.create(adminProperties())) {
			await("broker at " + bootstrapServers()).atMost(Duration.ofSeconds(90))
				.ignoreExceptions()
				.failFast("the broker process ended; see " + this.log, () -> !this.process.isAlive())
				.until(() -> !admin.describeCluster().nodes().get().isEmpty());
		}
	}

	@Override
	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	@Override
	public String description() {
		return "a scenario's own KRaft broker process at " + bootstrapServers();
	}

	/** The last lines of the broker's output, for a failure message. */
	public String logTail(int lines) {
		return ProcessLog.tail(this.log, lines);
	}

	@Override
	public void close() {
		if (this.process != null) {
			stop();
		}
	}

}
