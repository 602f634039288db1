package io.keepline.contracts.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.keepline.contracts.OperatorId;

/**
 * The webhook signing keys of every operator, so that no receiver can forge deliveries to
 * another operator's holders: {@code orange=kid1:secret1;kid2:secret2,proximus=…}
 * ({@code KEEPLINE_WEBHOOK_SECRETS}), one key per operator, or two during a rotation (the
 * one listed last is the newest).
 */
public final class WebhookKeys {

	private final Map<OperatorId, WebhookSignature> signatures;

	private WebhookKeys(Map<OperatorId, WebhookSignature> signatures) {
		this.signatures = Map.copyOf(signatures);
	}

	/**
	 * Parses the setting; a malformed entry fails with the entry's position and reason.
	 */
	public static WebhookKeys parse(String setting) {
		if (setting == null || setting.isBlank()) {
			throw new IllegalArgumentException("no operator has a webhook key");
		}
		Map<OperatorId, WebhookSignature> signatures = new LinkedHashMap<>();
		for (String entry : setting.split(",")) {
			String[] operatorKeys = entry.trim().split("=", 2);
			if (operatorKeys.length != 2) {
				throw new IllegalArgumentException("'" + operatorKeys[0] + "…' is not operator=kid:secret");
			}
			OperatorId operator = OperatorId.of(operatorKeys[0].trim());
			List<WebhookSignature.Key> keys = new ArrayList<>();
			for (String key : operatorKeys[1].split(";")) {
				String[] idSecret = key.trim().split(":", 2);
				if (idSecret.length != 2) {
					throw new IllegalArgumentException("a key of " + operator + " is not kid:secret");
				}
				keys.add(new WebhookSignature.Key(idSecret[0], idSecret[1]));
			}
			if (signatures.put(operator, new WebhookSignature(keys)) != null) {
				throw new IllegalArgumentException(operator + " is listed twice");
			}
		}
		return new WebhookKeys(signatures);
	}

	/** The keys that sign {@code operator}'s deliveries, if it has any. */
	public Optional<WebhookSignature> of(OperatorId operator) {
		return Optional.ofNullable(this.signatures.get(operator));
	}

	/**
	 * Whether {@code header} signs {@code body} with a key of any operator, as a receiver
	 * standing in for the holders of every operator (the standalone's console) checks it.
	 */
	public boolean verifyAny(String header, byte[] body, Instant now, Duration tolerance) {
		return this.signatures.values().stream().anyMatch((keys) -> keys.verify(header, body, now, tolerance));
	}

	/** How many operators have keys (for the start-up report). */
	public int operators() {
		return this.signatures.size();
	}

	@Override
	public String toString() {
		return "WebhookKeys" + this.signatures.keySet();
	}

}
