package io.keepline.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.stripe.StripeClient;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.payments.renewal.DeadlineActionsTest;
import io.keepline.payments.stripe.StripeGateway;
import io.keepline.payments.webhook.PublishedOutcomes;
import io.keepline.payments.webhook.StripeEventMapper;
import io.keepline.payments.webhook.WebhookOutcome;
import io.keepline.payments.webhook.WebhookProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A card saved through a setup session for a line nobody holds any more (erased), or for
 * an earlier registration of a recycled number, is refused and detached at Stripe (the
 * stand-in, over stripe-java); one saved by the current holder is kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecycledNumberSetupTest {

	private static final String SECRET = "whsec_recycled";

	private static final Instant NOW = Instant.parse("2026-12-20T10:00:00Z");

	private static final Msisdn MSISDN = Msisdn.of("+32470123456");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

	/** The registration instant of {@link DeadlineActionsTest#record}. */
	private static final Instant REGISTERED_AT = Instant.parse("2026-01-01T00:00:00Z");

	private final StripeStandIn stripe = new StripeStandIn();

	private final AtomicReference<LineRecord> line = new AtomicReference<>();

	private final List<PaymentEvent> published = new ArrayList<>();

	private final WebhookProcessor processor = new WebhookProcessor(SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC),
			new StripeEventMapper(new StripeGateway(StripeClient.builder()
				.setApiKey("sk_test_keepline")
				.setApiBase(this.stripe.baseUrl())
				.setMaxNetworkRetries(0)
				.build()), (msisdn) -> Optional.ofNullable(this.line.get())),
			new PublishedOutcomes((msisdn) -> Optional.empty(), 100), this.published::add);

	@BeforeEach
	void noLineYet() {
		this.line.set(null);
		this.published.clear();
	}

	@AfterAll
	void stopStandIn() {
		this.stripe.close();
	}

	@Test
	void aLateCardSavedAfterAnErasureIsRefusedAndDetached() {
		assertThat(deliver("evt_late", "seti_late", REGISTERED_AT)).isEqualTo(WebhookOutcome.IGNORED);
		assertThat(this.published).isEmpty();
		assertThat(this.stripe.detached()).containsOnlyOnce("pm_late");
		// Stripe delivers it again: still refused, the second detach is harmless
		assertThat(deliver("evt_late", "seti_late", REGISTERED_AT)).isEqualTo(WebhookOutcome.IGNORED);
		assertThat(this.stripe.detached()).containsOnlyOnce("pm_late");
	}

	@Test
	void aCardSavedForThePreviousHolderOfARecycledNumberIsRefusedAndDetached() {
		this.line.set(DeadlineActionsTest.record(MSISDN, VALID_UNTIL, CycleState.OPEN));

		assertThat(deliver("evt_old", "seti_old", REGISTERED_AT.minusSeconds(86_400)))
			.isEqualTo(WebhookOutcome.IGNORED);
		assertThat(this.stripe.detached()).containsOnlyOnce("pm_old");
		assertThat(deliver("evt_now", "seti_now", REGISTERED_AT)).isEqualTo(WebhookOutcome.PUBLISHED);
		assertThat(this.published).singleElement()
			.isInstanceOfSatisfying(PaymentMethodSaved.class,
					(saved) -> assertThat(saved.paymentMethod().paymentMethodId()).isEqualTo("pm_now"));
		assertThat(this.stripe.detached()).doesNotContain("pm_now");
	}

	private WebhookOutcome deliver(String eventId, String setupIntent, Instant registeredAt) {
		String metadata = """
				{"keepline_msisdn": "%s", "keepline_valid_until": "%s", "keepline_source": "auto_renewal",
				 "keepline_registered_at": "%s"}""".formatted(MSISDN.value(), VALID_UNTIL, registeredAt);
		String session = StripeJson.checkoutSession("cs_setup", "null", 0, metadata)
			.replace("\"mode\": \"payment\"", "\"mode\": \"setup\"")
			.replace("\"setup_intent\": null", "\"setup_intent\": \"" + setupIntent + "\"")
			.replace("\"payment_intent\": \"null\"", "\"payment_intent\": null");
		String payload = StripeJson.event(eventId, "checkout.session.completed", NOW, session);
		return this.processor.handle(payload, StripeJson.sign(SECRET, NOW, payload));
	}

}
