package io.keepline.payments.renewal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.payments.gateway.ChargeOutcome;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.gateway.RefundResult;
import io.keepline.payments.webhook.PublishedOutcomes;
import io.keepline.payments.webhook.StripeEventMapper;
import io.keepline.payments.webhook.WebhookProcessor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Payments has an answer to every scheduler decision and to every outcome of a charge:
 * charge, refund or nothing, never a type it does not know.
 */
class DeadlineActionsTest {

	private static final List<ChargeOutcome> OUTCOMES = List.of(new ChargeOutcome.Succeeded("pi_1"),
			new ChargeOutcome.Pending("pi_2"), new ChargeOutcome.Failed("pi_3", "card_declined", null, true));

	private final PaymentGateway gateway = mock(PaymentGateway.class);

	private final List<PaymentEvent> published = new ArrayList<>();

	@Test
	void actsOnEveryDeadlineEventType() {
		given(this.gateway.chargeOffSession(any())).willReturn(new ChargeOutcome.Succeeded("pi_1"));
		given(this.gateway.refund(any())).willReturn(new RefundResult("re_1", 1500));

		for (DeadlineEvent event : EventSamples.everyPermitted(DeadlineEvent.class)) {
			assertThatCode(() -> actions().on(event)).as(event.getClass().getSimpleName()).doesNotThrowAnyException();
		}
	}

	@Test
	void answersEveryChargeOutcome() {
		assertThat(OUTCOMES).extracting(Object::getClass)
			.containsExactlyInAnyOrder(ChargeOutcome.class.getPermittedSubclasses());
		AutoRenewalDue due = EventSamples.everyPermitted(DeadlineEvent.class)
			.stream()
			.filter(AutoRenewalDue.class::isInstance)
			.map(AutoRenewalDue.class::cast)
			.findFirst()
			.orElseThrow();

		for (ChargeOutcome outcome : OUTCOMES) {
			given(this.gateway.chargeOffSession(any())).willReturn(outcome);

			assertThatCode(() -> actions().on(due)).as(outcome.getClass().getSimpleName()).doesNotThrowAnyException();
		}
	}

	private DeadlineActions actions() {
		Clock clock = Clock.fixed(Instant.parse("2026-12-20T10:00:00Z"), ZoneOffset.UTC);
		WebhookProcessor processor = new WebhookProcessor("whsec_test", 300, clock, new StripeEventMapper(this.gateway),
				new PublishedOutcomes((msisdn) -> Optional.empty(), 10), this.published::add);
		return new DeadlineActions(this.gateway, processor, clock);
	}

}
