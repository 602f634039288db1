package io.keepline.standalone;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.keepline.standalone.seed.SeedSource;

/**
 * Reads {@link StandaloneSettings} from {@code --name=value} flags, then the environment,
 * then the demo defaults.
 */
final class StandaloneArguments {

	static final String USAGE = "Usage: java -jar keepline-standalone-exec.jar [--wipe] [--data-dir=data] [--kafka.port=9092]"
			+ " [--seeds=seeds | --no-seeds] [--spring.mail.host=host --spring.mail.port=25]"
			+ " (env: KEEPLINE_DATA_DIR, KEEPLINE_KAFKA_PORT, KEEPLINE_OPERATOR_KEYS, KEEPLINE_LINK_SECRET,"
			+ " KEEPLINE_WEBHOOK_SECRETS, KEEPLINE_CONSOLE_TOKEN, KEEPLINE_ADMIN_TOKEN, KEEPLINE_OPERATOR_WEBHOOKS, KEEPLINE_OPERATOR_WEBHOOK_SECRETS, STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE, SPRING_MAIL_HOST,"
			+ " SPRING_MAIL_PORT," + " SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD)";

	private static final Set<String> FLAGS = Set.of("wipe", "no-seeds", "help");

	private static final Map<String, String> ENVIRONMENT = Map.of("data-dir", "KEEPLINE_DATA_DIR", "kafka.port",
			"KEEPLINE_KAFKA_PORT", "spring.mail.host", "SPRING_MAIL_HOST", "spring.mail.port", "SPRING_MAIL_PORT",
			"spring.mail.username", "SPRING_MAIL_USERNAME", "spring.mail.password", "SPRING_MAIL_PASSWORD");

	private static final Set<String> OPTIONS = Set.of("data-dir", "kafka.port", "seeds", "spring.mail.host",
			"spring.mail.port", "spring.mail.username", "spring.mail.password");

	private StandaloneArguments() {
	}

	/**
	 * Settings from the flags and the environment.
	 * @throws IllegalArgumentException with a message for the user if a flag is unknown
	 * or malformed
	 */
	static StandaloneSettings parse(String[] args, Map<String, String> env) {
		Map<String, String> values = new HashMap<>();
		ENVIRONMENT.forEach((name, variable) -> {
			String value = env.get(variable);
			if (value != null && !value.isBlank()) {
				values.put(name, value.strip());
			}
		});
		Set<String> flags = new HashSet<>();
		for (String arg : args) {
			String body = arg.startsWith("--") ? arg.substring(2) : "";
			int equals = body.indexOf('=');
			if (equals < 0 && FLAGS.contains(body)) {
				flags.add(body);
			}
			else if (equals > 0 && OPTIONS.contains(body.substring(0, equals))) {
				values.put(body.substring(0, equals), body.substring(equals + 1).strip());
			}
			else {
				throw new IllegalArgumentException("Unknown argument " + arg + ". " + USAGE);
			}
		}
		if (flags.contains("help")) {
			throw new IllegalArgumentException(USAGE);
		}
		int kafkaPort = port(values, "kafka.port", 9092);
		Path dataDir = Path.of(values.getOrDefault("data-dir", "data"));
		SeedSource seeds = flags.contains("no-seeds") ? null
				: values.containsKey("seeds") ? SeedSource.directory(Path.of(values.get("seeds"))) : SeedSource.auto();
		StandaloneSettings.Secrets secrets = new StandaloneSettings.Secrets(
				orDefault(env, "KEEPLINE_OPERATOR_KEYS", StandaloneSettings.Secrets.DEMO_OPERATOR_KEYS),
				orDefault(env, "KEEPLINE_LINK_SECRET", null),
				orDefault(env, "STRIPE_WEBHOOK_SECRET", StandaloneSettings.Secrets.DEMO_WEBHOOK_SECRET),
				orDefault(env, "KEEPLINE_WEBHOOK_SECRETS", StandaloneSettings.Secrets.DEMO_HOLDER_WEBHOOK_SECRET),
				orDefault(env, "KEEPLINE_CONSOLE_TOKEN", null), orDefault(env, "KEEPLINE_ADMIN_TOKEN", null),
				orDefault(env, "KEEPLINE_OPERATOR_WEBHOOKS", null),
				orDefault(env, "KEEPLINE_OPERATOR_WEBHOOK_SECRETS", null));
		StandaloneSettings.Smtp mail = values.containsKey("spring.mail.host")
				? new StandaloneSettings.Smtp(values.get("spring.mail.host"), port(values, "spring.mail.port", 25),
						values.get("spring.mail.username"), values.get("spring.mail.password"))
				: null;
		String stripeKey = orDefault(env, "STRIPE_API_KEY", null);
		StandaloneSettings.Stripe stripe = (stripeKey != null)
				? new StandaloneSettings.Stripe(stripeKey, orDefault(env, "STRIPE_API_BASE", null)) : null;
		return new StandaloneSettings(dataDir, flags.contains("wipe"), StandaloneSettings.Ports.defaults(kafkaPort),
				seeds, secrets, mail, stripe);
	}

	private static String orDefault(Map<String, String> env, String name, String fallback) {
		String value = env.get(name);
		return (value != null && !value.isBlank()) ? value.strip() : fallback;
	}

	private static int port(Map<String, String> values, String name, int fallback) {
		String value = values.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			int port = Integer.parseInt(value);
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("--" + name + " must be between 1 and 65535, not " + port);
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a port number, not '" + value + "'");
		}
	}

}
