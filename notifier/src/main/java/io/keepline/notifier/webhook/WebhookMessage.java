package io.keepline.notifier.webhook;

import java.net.URI;

import io.keepline.contracts.OperatorId;

/**
 * One webhook call: the operator whose holder it is for (whose key signs it), where to,
 * the JSON body, and the notification id (sent as {@code Keepline-Notification-Id} so a
 * receiver can drop duplicates).
 */
public record WebhookMessage(OperatorId operator, URI url, byte[] body, String notificationId) {

	@Override
	public String toString() {
		return "WebhookMessage[operator=" + this.operator + ", host=" + this.url.getHost() + ", bytes="
				+ this.body.length + "]";
	}

}
