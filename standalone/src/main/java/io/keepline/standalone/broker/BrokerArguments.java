package io.keepline.standalone.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@link BrokerSettings} from {@code --name=value} arguments, then the environment,
 * then defaults. The data directory is Keepline's data root; the broker keeps its data in
 * its {@code kafka} subdirectory.
 */
final class BrokerArguments {

	static final String USAGE = "Usage: BrokerMain [--port=9092] [--controller-port=<port+1>] [--data-dir=data]"
			+ " (or env KEEPLINE_KAFKA_PORT, KEEPLINE_KAFKA_CONTROLLER_PORT, KEEPLINE_DATA_DIR)";

	private static final Map<String, String> ENVIRONMENT = Map.of("port", "KEEPLINE_KAFKA_PORT", "controller-port",
			"KEEPLINE_KAFKA_CONTROLLER_PORT", "data-dir", "KEEPLINE_DATA_DIR");

	/** The names the port messages and the full standalone app use. */
	private static final Map<String, String> ALIASES = Map.of("kafka.port", "port", "kafka.controller-port",
			"controller-port");

	private static final Path DEFAULT_DATA_ROOT = Path.of("data");

	private BrokerArguments() {
	}

	/**
	 * Settings from the arguments and the environment.
	 * @throws IllegalArgumentException with a message for the user if an argument is
	 * unknown or malformed
	 */
	static BrokerSettings parse(String[] args, Map<String, String> environment) {
		Map<String, String> values = new HashMap<>();
		ENVIRONMENT.forEach((name, variable) -> {
			String value = environment.get(variable);
			if (value != null && !value.isBlank()) {
				values.put(name, value.strip());
			}
		});
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String key = (arg.startsWith("--") && equals > 2) ? arg.substring(2, equals) : "";
			String name = ALIASES.getOrDefault(key, key);
			if (!ENVIRONMENT.containsKey(name)) {
				throw new IllegalArgumentException("Unknown argument " + arg + ". " + USAGE);
			}
			values.put(name, arg.substring(equals + 1).strip());
		}
		int port = port(values, "port", BrokerSettings.DEFAULT_PORT);
		int controllerPort = port(values, "controller-port", port + 1);
		Path dataRoot = values.containsKey("data-dir") ? Path.of(values.get("data-dir")) : DEFAULT_DATA_ROOT;
		return new BrokerSettings(port, controllerPort, dataRoot.resolve("kafka"));
	}

	private static int port(Map<String, String> values, String name, int defaultPort) {
		String value = values.get(name);
		if (value == null) {
			return defaultPort;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a port number, not '" + value + "'");
		}
	}

}
