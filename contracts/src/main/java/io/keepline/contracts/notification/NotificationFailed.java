package io.keepline.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * A channel failed for this notification; {@code permanent} failures are not retried and
 * fall back to the next channel. A notice suppressed because its line has no record (an
 * erased or unknown line) names no holder: it is recorded on the first channel of the
 * order (email), with no {@code locale}.
 */
public record NotificationFailed(UUID eventId, Instant occurredAt, Msisdn msisdn, String notificationId,
		UUID sourceEventId, Channel channel, String template, HolderLocale locale, boolean permanent,
		String reason) implements NotificationEvent {

	public NotificationFailed {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(notificationId, "notificationId");
		InvalidValueException.require(channel, "channel");
		InvalidValueException.require(template, "template");
		InvalidValueException.require(reason, "reason");
	}

}
