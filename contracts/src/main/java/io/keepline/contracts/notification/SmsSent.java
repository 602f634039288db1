package io.keepline.contracts.notification;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * Where an SMS the provider accepted came from, keyed by the provider's message id (topic
 * {@code sms-sent}): the notification it delivered and the coordinates of the record it
 * answered, so that the provider's later "undelivered" can fail it and hand that record
 * to the next channel. Holds no contact: not the SMS number, not the text.
 *
 * @param msisdn the line
 * @param notificationId the notification the SMS delivered
 * @param sourceEventId the event it answered
 * @param template its template
 * @param locale its language
 * @param sourceTopic the topic of the record it answered (its first delivery, not a retry
 * topic's copy)
 * @param sourcePartition that record's partition
 * @param sourceOffset that record's offset
 * @param sentAt when the provider accepted it
 */
public record SmsSent(Msisdn msisdn, String notificationId, UUID sourceEventId, String template, HolderLocale locale,
		String sourceTopic, int sourcePartition, long sourceOffset, Instant sentAt) {

	public SmsSent {
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(notificationId, "notificationId");
		InvalidValueException.require(template, "template");
		InvalidValueException.require(sourceTopic, "sourceTopic");
		InvalidValueException.require(sentAt, "sentAt");
	}

}
