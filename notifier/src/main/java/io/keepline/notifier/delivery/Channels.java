package io.keepline.notifier.delivery;

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

}
