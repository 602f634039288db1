package io.keepline.contracts.notification;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;

/**
 * The outcome of one notification on one channel; never the message body. Topic
 * {@code notification-events}, keyed by msisdn.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = NotificationSent.class, name = "NotificationSent"),
		@JsonSubTypes.Type(value = NotificationFailed.class, name = "NotificationFailed") })
public sealed interface NotificationEvent extends KeeplineEvent permits NotificationSent, NotificationFailed {

	Msisdn msisdn();

	/** Deterministic id of the notification: cycle, stage and channel. */
	String notificationId();

	Channel channel();

	String template();

	HolderLocale locale();

}
