package io.keepline.contracts.payment;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * The holder turned automatic renewal off from their status page: no cycle is charged
 * automatically until they save a card again; the saved card stays for one-off payments.
 * {@code registeredAt} is the line's registration the holder acted under, so a late event
 * never touches a recycled number's next holder.
 */
public record AutoRenewalStopped(UUID eventId, Instant occurredAt, Msisdn msisdn,
		Instant registeredAt) implements PaymentEvent {

	public AutoRenewalStopped {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(registeredAt, "registeredAt");
	}

	/** Not a Stripe outcome: none. */
	@Override
	public String stripeEventId() {
		return null;
	}

}
