package io.keepline.notifier.webhook;

import java.time.Clock;
import java.util.Map;

import io.keepline.contracts.webhook.WebhookKeys;
import io.keepline.contracts.webhook.WebhookSignature;
import io.keepline.notifier.delivery.PermanentDeliveryException;
import io.keepline.notifier.delivery.TransientDeliveryException;
import io.keepline.support.outbound.ConcurrencyLimits;
import io.keepline.support.outbound.OutboundClient;
import io.keepline.support.outbound.OutboundException;
import io.keepline.support.outbound.OutboundRequest;

/**
 * Delivers webhooks through the guarded outbound client (https, public addresses only,
 * one deadline for the whole call): a JSON POST signed with the holder's operator's keys.
 * 2xx is accepted; 408/425/429, 5xx, no answer in time, or the operator or host at its
 * limit of calls in flight are retried; any other answer (including redirects, never
 * followed) and a refused address are permanent failures. An address refused by name or
 * literal is refused before any limit is consulted, so it fails for good at any load.
 */
public final class HttpWebhookSender implements WebhookSender {

	/** Header carrying the notification id, stable across retries. */
	public static final String NOTIFICATION_ID_HEADER = "Keepline-Notification-Id";

	private final OutboundClient client;

	private final WebhookKeys keys;

	private final ConcurrencyLimits operators;

	private final Clock clock;

	/**
	 * @param operators calls in flight per operator: one operator's slow receivers hold
	 * at most that many of the notifier's threads
	 */
	public HttpWebhookSender(OutboundClient client, WebhookKeys keys, ConcurrencyLimits operators, Clock clock) {
		this.client = client;
		this.keys = keys;
		this.operators = operators;
		this.clock = clock;
	}

	@Override
	public String send(WebhookMessage message) {
		WebhookSignature signature = this.keys.of(message.operator())
			.orElseThrow(() -> new PermanentDeliveryException("webhook_no_key",
					"operator " + message.operator() + " has no webhook key (KEEPLINE_WEBHOOK_SECRETS)"));
		OutboundRequest request = new OutboundRequest(message.url(), "application/json", message.body(),
				Map.of(WebhookSignature.HEADER, signature.header(this.clock.instant(), message.body()),
						NOTIFICATION_ID_HEADER, message.notificationId()));
		String operator = message.operator().value();
		int status;
		try {
			this.client.check(message.url());
			if (!this.operators.tryEnter(operator)) {
				throw new TransientDeliveryException("webhook_operator_busy",
						"operator " + operator + " is at its limit of webhook calls in flight");
			}
			try {
				status = this.client.postForStatus(request);
			}
			finally {
				this.operators.leave(operator);
			}
		}
		catch (OutboundException ex) {
			String reason = "webhook_" + ex.reason().code();
			if (ex.retryable()) {
				throw new TransientDeliveryException(reason, "webhook not delivered: " + ex.getMessage(), ex);
			}
			throw new PermanentDeliveryException(reason, "webhook refused: " + ex.getMessage());
		}
		if (status >= 200 && status < 300) {
			return "webhook-" + status;
		}
		if (status == 408 || status == 425 || status == 429 || status >= 500) {
			throw new TransientDeliveryException("webhook_http_" + status, "webhook answered " + status);
		}
		throw new PermanentDeliveryException("webhook_http_" + status, "webhook answered " + status);
	}

}
