package io.keepline.standalone.console;

import java.util.Set;

import io.keepline.standalone.MailOutbox;
import io.keepline.standalone.seed.SeedSource;

/**
 * What the console needs to know about the running pipeline (it reads the broker of
 * {@code spring.kafka.bootstrap-servers}).
 *
 * @param ingestUrl base URL of ingest (the simulated operators post top-ups there)
 * @param schedulerUrl base URL of the scheduler's read API
 * @param paymentsUrl base URL of the holder's pay and status pages
 * @param linkSecret the secret signing those links
 * @param operatorKeys the operator keys ({@code operator=key} pairs)
 * @param holderWebhookSecret each operator's keys the notifier signs holders' webhooks
 * with ({@code operator=kid:secret,…}; the console's webhook stand-ins verify them)
 * @param token the token every console request must carry
 * @param outbox the local SMTP outbox, or null when email goes to a real server
 * @param seeds the seeds (for the plans' validity rules), or null
 * @param operatorWebhookSecrets each operator's keys ingest signs its notices with
 * ({@code operator=kid:secret,…}; the simulated operators verify them)
 * @param simulatedOperators the operators whose notices come to the console's simulated
 * operators (the others go to the operator's own endpoint)
 */
public record ConsoleSettings(String ingestUrl, String schedulerUrl, String paymentsUrl, String linkSecret,
		String operatorKeys, String holderWebhookSecret, String token, MailOutbox outbox, SeedSource seeds,
		String operatorWebhookSecrets, Set<String> simulatedOperators) {

	/** Base path of the console's Twilio-compatible SMS endpoint. */
	public static final String SMS_PATH = "/outbox/sms";

	/**
	 * Base path of the simulated operators' notice webhooks, which prove themselves by
	 * their signature rather than the console's token.
	 */
	public static final String SIMULATED_OPERATORS_PATH = "/simulated-operators/";

	/** The path of one simulated operator's notice webhook. */
	public static String simulatedOperatorPath(String operator) {
		return SIMULATED_OPERATORS_PATH + operator + "/notices";
	}

	public ConsoleSettings {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("the console needs a token");
		}
		simulatedOperators = (simulatedOperators != null) ? Set.copyOf(simulatedOperators) : Set.of();
	}

	@Override
	public String toString() {
		return "ConsoleSettings[" + this.ingestUrl + ", secrets redacted]";
	}

}
