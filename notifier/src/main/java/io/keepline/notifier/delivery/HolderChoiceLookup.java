package io.keepline.notifier.delivery;

import java.util.Optional;
import java.util.Set;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;

/**
 * Which channels the current holder of a line stopped (one-click unsubscribe, SMS STOP,
 * the preference page) and the language they chose: the {@link Notifier} skips those
 * channels as it skips a disabled channel and writes in that language. The Kafka adapter
 * reads the notifier's global store of holder choices; a test passes a lambda.
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

	/**
	 * The language the line's current holder chose on the preference page, overriding the
	 * registration's; empty if they chose none.
	 * @throws TransientDeliveryException if the choices cannot be read now
	 */
	default Optional<HolderLocale> locale(Msisdn msisdn) {
		return Optional.empty();
	}

}
