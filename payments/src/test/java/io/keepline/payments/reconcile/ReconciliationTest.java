package io.keepline.payments.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.payments.PaymentsSettings;
import io.keepline.payments.StripeJson;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.webhook.PublishedOutcomes;
import io.keepline.payments.webhook.StripeEventMapper;
import io.keepline.payments.webhook.WebhookProcessor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Reconciliation publishes what the webhook missed, through the same duplicate checks,
 * and moves its checkpoint forward.
 */
class ReconciliationTest {

	static final Instant NOW = Instant.parse("2026-12-20T10:00:00Z");

	static final Msisdn MSISDN = Msisdn.of("+32470123456");

	private final PaymentGateway gateway = mock(PaymentGateway.class);

	private final List<PaymentEvent> published = new ArrayList<>();

	private final WebhookProcessor processor = new WebhookProcessor("whsec_x", 300, Clock.fixed(NOW, ZoneOffset.UTC),
			new StripeEventMapper(this.gateway, (msisdn) -> Optional.empty()),
			new PublishedOutcomes((msisdn) -> Optional.empty(), 100), this.published::add);

	@Test
	void publishesMissedEventsOnceEvenWhenTheWebhookDeliversThemToo() {
		Event missed = event("evt_missed", "pi_missed", NOW.minusSeconds(600));
		Event delivered = event("evt_seen", "pi_seen", NOW.minusSeconds(300));
		this.processor.process(delivered);
		given(this.gateway.listEventsSince(any(), anyList())).willReturn(List.of(missed, delivered));
		Reconciliation reconciliation = new Reconciliation(this.gateway, this.processor, settings(), clock());

		assertThat(reconciliation.reconcile()).isEqualTo(1);
		assertThat(reconciliation.reconcile()).isZero();
		assertThat(this.published).extracting(PaymentEvent::stripeEventId).containsExactly("evt_seen", "evt_missed");
	}

	@Test
	void startsFromTheLookBackAndThenFromTheNewestEventSeen() {
		given(this.gateway.listEventsSince(any(), anyList()))
			.willReturn(List.of(event("evt_1", "pi_1", NOW.minusSeconds(60))));
		Reconciliation reconciliation = new Reconciliation(this.gateway, this.processor, settings(), clock());

		reconciliation.reconcile();
		reconciliation.reconcile();

		verify(this.gateway).listEventsSince(NOW.minus(Duration.ofDays(3)), StripeEventMapper.HANDLED);
		verify(this.gateway).listEventsSince(NOW.minusSeconds(65), StripeEventMapper.HANDLED);
	}

	private static Event event(String id, String pi, Instant created) {
		return Webhook.constructEventWithoutVerification(
				StripeJson.event(id, "checkout.session.completed", created, StripeJson.checkoutSession("cs_" + pi, pi,
						1500, StripeJson.metadata(MSISDN, LocalDate.parse("2026-12-31"), "checkout"))));
	}

	private static Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	private static PaymentsSettings settings() {
		return new PaymentsSettings(PaymentsSettings.Mode.SANDBOX,
				new PaymentsSettings.StripeSettings(null, "whsec_x", null, Duration.ofSeconds(5), Duration.ofSeconds(5),
						0, 300),
				"p", Duration.ofHours(12), Duration.ofDays(14), Duration.ofSeconds(1), 1, Duration.ofMinutes(5),
				Duration.ofDays(3), Duration.ofHours(20));
	}

}
