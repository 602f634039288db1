package io.keepline.notifier.delivery;

import java.util.Set;

import io.keepline.contracts.Channel;
import io.keepline.contracts.Msisdn;

/**
 * Which channels the current holder of a line stopped (one-click unsubscribe, SMS STOP):
 * the {@link Notifier} skips them as it skips a disabled channel. The Kafka adapter reads
 * the notifier's global store of holder choices; a test passes a lambda.
 */
@FunctionalInterface
public interface HolderChoiceLookup {

	/** Nobody stopped anything. */
	HolderChoiceLookup NONE = (msisdn) -> Set.of();

	/**
	 * The channels the line's current holder stopped, empty if none.
	 * @throws TransientDeliveryException if the choices cannot be read now
	 */
	Set<Channel> suppressed(Msisdn msisdn);

}
