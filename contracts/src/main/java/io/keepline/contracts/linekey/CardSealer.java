package io.keepline.contracts.linekey;

import java.time.Clock;

import io.keepline.contracts.payment.PaymentEvent;

/**
 * Seals the card of a payment event (brand, last four digits, expiry of a
 * {@code PaymentMethodSaved}) before payments writes it to payment-events, each time
 * under a new line key: the key must be written to the key topic (acknowledged) before
 * the event. Events without a card are written plain, with no key.
 */
public final class CardSealer {

	private final EventSealer<PaymentEvent> sealer;

	public CardSealer(DataKey dataKey, Clock clock) {
		this.sealer = new EventSealer<>(dataKey, clock, PaymentEvent.class, "paymentMethod", SealedCard::seal,
				PaymentEvent::msisdn);
	}

	/** {@code event} as payment-events' value, with its new key if it carries a card. */
	public SealedEvent seal(PaymentEvent event) {
		return this.sealer.seal(event);
	}

}
