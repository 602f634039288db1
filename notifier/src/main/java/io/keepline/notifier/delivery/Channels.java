package io.keepline.notifier.delivery;

import java.util.List;

import io.keepline.contracts.Channel;
import io.keepline.notifier.message.Notice;

/**
 * Where the {@link Notifier} sends a notice: one of the holder's channels, which answers
 * with the provider's message id or throws a {@link DeliveryException}.
 */
@FunctionalInterface
public interface Channels {

	/** Sends {@code notice} on {@code channel} as notification {@code notificationId}. */
	String send(Channel channel, Notice notice, String notificationId);

	/**
	 * Sends several reminders of one holder as one email, as message {@code digestId}; by
	 * default no digest can be sent (permanently), so each notice goes on its own.
	 */
	default String sendDigest(List<Notice> notices, String digestId) {
		throw new PermanentDeliveryException("digest_unsupported", "these channels send no digest");
	}

}
