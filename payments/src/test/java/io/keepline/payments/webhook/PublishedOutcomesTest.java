package io.keepline.payments.webhook;

import java.util.Optional;

import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.payments.line.PaymentHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The duplicate checks know every payment event type: each is checked against the line's
 * payments, claimed once and released.
 */
class PublishedOutcomesTest {

	@Test
	void claimsEveryPaymentEventTypeOnce() {
		for (PaymentEvent event : EventSamples.everyPermitted(PaymentEvent.class)) {
			PublishedOutcomes outcomes = new PublishedOutcomes(
					(msisdn) -> Optional.of(PaymentHistory.empty(event.msisdn())), 10);

			assertThat(outcomes.claim(event)).as(event.getClass().getSimpleName()).isTrue();
			assertThat(outcomes.claim(event)).as(event.getClass().getSimpleName()).isFalse();
			assertThatCode(() -> outcomes.release(event)).doesNotThrowAnyException();
		}
	}

}
