package io.keepline.standalone;

import java.nio.file.Path;

import io.keepline.standalone.seed.SeedSource;

/**
 * Everything the standalone needs to start: where its data lives, the ports of the
 * broker, the services and the console, the demo secrets, and whether email goes to a
 * real SMTP server or to the local outbox and payments to Stripe or to the offline
 * sandbox.
 *
 * @param dataDir root of all local data (Kafka logs, Streams state, secrets, seed marker)
 * @param wipe delete {@code dataDir} before starting
 * @param ports where each part listens
 * @param seeds seed files to load, or null to load none
 * @param secrets operator keys, link secret (null: generated once and kept under
 * {@code dataDir}) and webhook secret
 * @param mail the SMTP server to send through, or null for the local outbox
 * @param stripe the Stripe account, or null for the offline sandbox
 */
public record StandaloneSettings(Path dataDir, boolean wipe, Ports ports, SeedSource seeds, Secrets secrets, Smtp mail,
		Stripe stripe) {

	/** Host every part binds to and links point at. */
	public static final String HOST = "localhost";

	public StandaloneSettings {
		dataDir = dataDir.toAbsolutePath().normalize();
	}

	/** The {@code http://localhost:port} base URL of a part. */
	public static String url(int port) {
		return "http://" + HOST + ":" + port;
	}

	/**
	 * Ports of the broker (client and controller), the four services, their management
	 * servers and the console.
	 */
	public record Ports(int kafka, int kafkaController, int console, int ingest, int scheduler, int notifier,
			int payments, Management management) {

		/**
		 * Kafka on 9092/9093, console on 8080, services on 8081–8084 (design.md §4),
		 * their actuators on 9081–9084.
		 */
		public static Ports defaults(int kafka) {
			return new Ports(kafka, kafka + 1, 8080, 8081, 8082, 8083, 8084, new Management(9081, 9082, 9083, 9084));
		}

	}

	/** The management (actuator: health, info, Prometheus) port of each service. */
	public record Management(int ingest, int scheduler, int notifier, int payments) {

	}

	/**
	 * The demo secrets, each overridable from the environment.
	 *
	 * @param operatorKeys the operators' API keys ({@code KEEPLINE_OPERATOR_KEYS})
	 * @param linkSecret signs pay and status links ({@code KEEPLINE_LINK_SECRET}); null:
	 * generated once and kept under the data directory
	 * @param webhookSecret the Stripe webhook endpoint secret
	 * ({@code STRIPE_WEBHOOK_SECRET})
	 * @param holderWebhookSecret each operator's keys signing the notifier's webhooks to
	 * holders ({@code KEEPLINE_WEBHOOK_SECRETS}, {@code operator=kid:secret,…})
	 * @param consoleToken opens the console ({@code KEEPLINE_CONSOLE_TOKEN}); null:
	 * generated once and kept under the data directory
	 * @param adminToken shows and replays dead letters on the services' management ports
	 * ({@code KEEPLINE_ADMIN_TOKEN}); null: generated once and kept under the data
	 * directory
	 * @param operatorWebhooks operators' own notice webhooks, {@code orange=https://…}
	 * ({@code KEEPLINE_OPERATOR_WEBHOOKS}), which may carry a token in their address;
	 * null: every operator's notices go to its simulated operator in the console
	 * @param operatorWebhookSecrets the keys signing those notices,
	 * {@code orange=kid:secret,…} ({@code KEEPLINE_OPERATOR_WEBHOOK_SECRETS}); null: one
	 * generated at each start for every operator not named
	 */
	public record Secrets(String operatorKeys, String linkSecret, String webhookSecret, String holderWebhookSecret,
			String consoleToken, String adminToken, String operatorWebhooks, String operatorWebhookSecrets) {

		public static final String DEMO_OPERATOR_KEYS = "orange=demo-orange-key,proximus=demo-proximus-key,base=demo-base-key";

		public static final String DEMO_WEBHOOK_SECRET = "whsec_demo";

		public static final String DEMO_HOLDER_WEBHOOK_SECRET = "orange=demo:demo-orange-holder-webhook-secret,"
				+ "proximus=demo:demo-proximus-holder-webhook-secret,base=demo:demo-base-holder-webhook-secret-0";

		/** Shortest console token accepted from the environment. */
		public static final int MIN_CONSOLE_TOKEN_LENGTH = 16;

		public Secrets {
			if (consoleToken != null && consoleToken.length() < MIN_CONSOLE_TOKEN_LENGTH) {
				throw new IllegalArgumentException("KEEPLINE_CONSOLE_TOKEN is too short: use at least "
						+ MIN_CONSOLE_TOKEN_LENGTH + " characters, or unset it to have one generated");
			}
		}

		/**
		 * The demo secrets, with a generated link secret, console token and admin token,
		 * every operator's notices going to its simulated operator.
		 */
		public static Secrets demo() {
			return new Secrets(DEMO_OPERATOR_KEYS, null, DEMO_WEBHOOK_SECRET, DEMO_HOLDER_WEBHOOK_SECRET, null, null,
					null, null);
		}

		@Override
		public String toString() {
			return "Secrets[redacted]";
		}

	}

	/** A real SMTP server ({@code spring.mail.*}). */
	public record Smtp(String host, int port, String username, String password) {

		@Override
		public String toString() {
			return "Smtp[" + this.host + ":" + this.port + "]";
		}

	}

	/** A real Stripe account, or a Stripe-compatible endpoint such as stripe-mock. */
	public record Stripe(String apiKey, String apiBase) {

		@Override
		public String toString() {
			return "Stripe[" + ((this.apiBase != null) ? this.apiBase : "api.stripe.com") + "]";
		}

	}

}
