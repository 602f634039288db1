package io.keepline.notifier.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import io.keepline.notifier.delivery.PermanentDeliveryException;
import io.keepline.notifier.delivery.TransientDeliveryException;

/**
 * Delivers webhooks over HTTP(S) with the JDK client: a signed JSON POST, 2xx accepted,
 * 408/425/429 and 5xx or no answer retried, any other answer (including redirects, which
 * are not followed) a permanent failure.
 */
public final class HttpWebhookSender implements WebhookSender {

	/** Header carrying the notification id, stable across retries. */
	public static final String NOTIFICATION_ID_HEADER = "Keepline-Notification-Id";

	private final HttpClient client;

	private final WebhookSignature signature;

	private final Duration timeout;

	private final Clock clock;

	public HttpWebhookSender(HttpClient client, WebhookSignature signature, Duration timeout, Clock clock) {
		this.client = client;
		this.signature = signature;
		this.timeout = timeout;
		this.clock = clock;
	}

	@Override
	public String send(WebhookMessage message) {
		String scheme = message.url().getScheme();
		if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
			throw new PermanentDeliveryException("webhook_bad_url", "webhook URL is not http(s)");
		}
		HttpRequest request = HttpRequest.newBuilder(message.url())
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header(WebhookSignature.HEADER, this.signature.header(this.clock.instant(), message.body()))
			.header(NOTIFICATION_ID_HEADER, message.notificationId())
			.POST(HttpRequest.BodyPublishers.ofByteArray(message.body()))
			.build();
		int status = call(request);
		if (status >= 200 && status < 300) {
			return "webhook-" + status;
		}
		if (status == 408 || status == 425 || status == 429 || status >= 500) {
			throw new TransientDeliveryException("webhook_http_" + status, "webhook answered " + status);
		}
		throw new PermanentDeliveryException("webhook_http_" + status, "webhook answered " + status);
	}

	private int call(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new TransientDeliveryException("webhook_unreachable", "webhook not reachable", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransientDeliveryException("interrupted", "interrupted while calling the webhook", ex);
		}
	}

}
