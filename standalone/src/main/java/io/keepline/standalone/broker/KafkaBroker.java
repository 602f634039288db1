package io.keepline.standalone.broker;

import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker running in this JVM: the {@link KafkaRaftServer} that
 * {@code kafka-server-start} runs, as a single KRaft node that is both broker and
 * controller, formatting its data directory on first start.
 */
public final class KafkaBroker implements AutoCloseable {

	private final BrokerSettings settings;

	private KafkaRaftServer server;

	private String clusterId;

	public KafkaBroker(BrokerSettings settings) {
		this.settings = settings;
	}

	/**
	 * Starts the broker and returns once it accepts clients.
	 * @throws PortInUseException if the client or controller port is taken
	 */
	public synchronized void start() {
		if (this.server != null) {
			throw new IllegalStateException("Kafka broker is already running on " + bootstrapServers());
		}
		Ports.requireFree(this.settings);
		Map<String, String> properties = BrokerProperties.of(this.settings);
		KafkaConfig config = new KafkaConfig(properties, false);
		String formattedClusterId = new BrokerStorage(this.settings).prepare();
		KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
		try {
			raftServer.startup();
		}
		catch (RuntimeException ex) {
			raftServer.shutdown();
			raftServer.awaitShutdown();
			throw ex;
		}
		this.server = raftServer;
		this.clusterId = formattedClusterId;
	}

	/** The {@code bootstrap.servers} value for clients of this broker. */
	public String bootstrapServers() {
		return this.settings.bootstrapServers();
	}

	/** The id of the cluster stored in the data directory, once started. */
	public synchronized String clusterId() {
		return this.clusterId;
	}

	/** Whether the broker has been started and not stopped since. */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/** The settings this broker runs with. */
	public BrokerSettings settings() {
		return this.settings;
	}

	/**
	 * Shuts the broker down cleanly and waits until it has; does nothing if not running.
	 */
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		try {
			this.server.shutdown();
			this.server.awaitShutdown();
		}
		finally {
			this.server = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

}
