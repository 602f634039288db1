package io.keepline.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * The provider accepted the message ({@code providerMessageId}); {@code sourceEventId} is
 * the event it answers.
 */
public record NotificationSent(UUID eventId, Instant occurredAt, Msisdn msisdn, String notificationId,
		UUID sourceEventId, Channel channel, String template, HolderLocale locale,
		String providerMessageId) implements NotificationEvent {

	public NotificationSent {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(notificationId, "notificationId");
		InvalidValueException.require(channel, "channel");
		InvalidValueException.require(template, "template");
		InvalidValueException.require(locale, "locale");
	}

}
