package io.keepline.standalone;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.keepline.contracts.webhook.WebhookKeys;
import io.keepline.standalone.console.ConsoleSettings;
import io.keepline.standalone.seed.OperatorKeyring;

/**
 * Where each operator's notices go in the standalone: to that operator's simulated
 * receiver in the console, unless {@code KEEPLINE_OPERATOR_WEBHOOKS} names the operator's
 * own endpoint; signed with the operator's key from
 * {@code KEEPLINE_OPERATOR_WEBHOOK_SECRETS}, else with one generated at each start (only
 * the console has to know it).
 *
 * @param webhooks each operator's webhook URL
 * @param secrets each operator's signing keys ({@code kid:secret}, or two during a
 * rotation)
 * @param simulated the operators whose notices the console's simulated operators receive
 */
record OperatorNoticeRoutes(Map<String, String> webhooks, Map<String, String> secrets, Set<String> simulated) {

	static final String GENERATED_KEY_ID = "standalone";

	private static final SecureRandom RANDOM = new SecureRandom();

	static OperatorNoticeRoutes of(StandaloneSettings.Secrets settings, String consoleUrl) {
		Map<String, String> own = entries(settings.operatorWebhooks(), "KEEPLINE_OPERATOR_WEBHOOKS");
		Map<String, String> keys = entries(settings.operatorWebhookSecrets(), "KEEPLINE_OPERATOR_WEBHOOK_SECRETS");
		Map<String, String> webhooks = new LinkedHashMap<>();
		Map<String, String> secrets = new LinkedHashMap<>(keys);
		for (String operator : OperatorKeyring.parse(settings.operatorKeys()).keySet()) {
			webhooks.put(operator, consoleUrl + ConsoleSettings.simulatedOperatorPath(operator));
			secrets.computeIfAbsent(operator, (key) -> GENERATED_KEY_ID + ":" + generated());
		}
		Set<String> simulated = webhooks.keySet()
			.stream()
			.filter((operator) -> !own.containsKey(operator))
			.collect(Collectors.toUnmodifiableSet());
		for (String operator : own.keySet()) {
			if (!keys.containsKey(operator)) {
				throw new IllegalArgumentException(
						"KEEPLINE_OPERATOR_WEBHOOKS sends " + operator + "'s notices to your endpoint: give " + operator
								+ " a key in KEEPLINE_OPERATOR_WEBHOOK_SECRETS (" + operator
								+ "=kid:secret, at least 32 bytes) so that the endpoint can verify them");
			}
		}
		webhooks.putAll(own);
		OperatorNoticeRoutes routes = new OperatorNoticeRoutes(webhooks, secrets, simulated);
		try {
			WebhookKeys.parse(routes.webhookSecrets());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("KEEPLINE_OPERATOR_WEBHOOK_SECRETS: " + ex.getMessage(), ex);
		}
		return routes;
	}

	OperatorNoticeRoutes {
		webhooks = Map.copyOf(webhooks);
		secrets = Map.copyOf(secrets);
		simulated = Set.copyOf(simulated);
	}

	/** The {@code keepline.ingest.notices.webhooks} setting. */
	String webhookSettings() {
		return join(this.webhooks);
	}

	/** The {@code keepline.ingest.notices.webhook-secrets} setting. */
	String webhookSecrets() {
		return join(this.secrets);
	}

	/** {@code operator=value} entries of a setting, by operator; blank: none. */
	private static Map<String, String> entries(String setting, String name) {
		Map<String, String> entries = new LinkedHashMap<>();
		if (setting == null || setting.isBlank()) {
			return entries;
		}
		for (String entry : setting.split(",")) {
			String[] pair = entry.trim().split("=", 2);
			if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
				throw new IllegalArgumentException(name + ": an entry is not operator=value");
			}
			if (entries.put(pair[0].trim(), pair[1].trim()) != null) {
				throw new IllegalArgumentException(name + ": " + pair[0].trim() + " is listed twice");
			}
		}
		return entries;
	}

	private static String join(Map<String, String> entries) {
		return entries.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(","));
	}

	private static String generated() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return HexFormat.of().formatHex(secret);
	}

	@Override
	public String toString() {
		return "OperatorNoticeRoutes[simulated " + this.simulated + ", secrets redacted]";
	}

}
