package io.keepline.notifier.webhook;

import java.net.URI;

/**
 * One webhook call: where to, the JSON body, and the notification id (sent as
 * {@code Keepline-Notification-Id} so a receiver can drop duplicates).
 */
public record WebhookMessage(URI url, byte[] body, String notificationId) {

	@Override
	public String toString() {
		return "WebhookMessage[host=" + this.url.getHost() + ", bytes=" + this.body.length + "]";
	}

}
