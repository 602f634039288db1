package io.keepline.standalone.broker;

import java.nio.file.Path;

/**
 * Where the in-process Kafka broker listens and keeps its data.
 *
 * @param port the client (PLAINTEXT) port, advertised as {@code localhost:port}
 * @param controllerPort the KRaft controller port, by default the client port + 1
 * @param dataDir the broker's log and metadata directory
 */
public record BrokerSettings(int port, int controllerPort, Path dataDir) {

	/** Host the broker binds to and advertises. */
	public static final String HOST = "localhost";

	/** Default client port, Kafka's usual one. */
	public static final int DEFAULT_PORT = 9092;

	/** Default data directory, relative to the working directory. */
	public static final Path DEFAULT_DATA_DIR = Path.of("data", "kafka");

	public BrokerSettings {
		requireValidPort(port, "port");
		requireValidPort(controllerPort, "controller port");
		if (port == controllerPort) {
			throw new IllegalArgumentException("Kafka port and controller port must differ, both are " + port);
		}
		if (dataDir == null) {
			throw new IllegalArgumentException("Kafka data directory must be set");
		}
		dataDir = dataDir.toAbsolutePath().normalize();
	}

	/** Settings on {@code port}, with the controller on the next port. */
	public static BrokerSettings of(int port, Path dataDir) {
		return new BrokerSettings(port, port + 1, dataDir);
	}

	/** Port 9092, controller on 9093, data under {@code ./data/kafka}. */
	public static BrokerSettings defaults() {
		return of(DEFAULT_PORT, DEFAULT_DATA_DIR);
	}

	/** The {@code bootstrap.servers} value for clients of this broker. */
	public String bootstrapServers() {
		return HOST + ":" + this.port;
	}

	private static void requireValidPort(int port, String name) {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("Kafka " + name + " must be between 1 and 65535, not " + port);
		}
	}

}
