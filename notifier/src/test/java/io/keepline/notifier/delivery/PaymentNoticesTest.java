package io.keepline.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.payment.PaymentDisputed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.notifier.message.NoticePlanner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentNoticesTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-28T09:00:00Z"), ZoneOffset.UTC);

	private static final Msisdn MSISDN = Msisdn.of("+32470123456");

	private static final LocalDate VALID_UNTIL = LocalDate.of(2026, 12, 31);

	private final List<NotificationEvent> recorded = new ArrayList<>();

	private final List<String> sent = new ArrayList<>();

	private LineRecord line = record(CycleState.OPEN);

	private final LineLookup lookup = new LineLookup() {

		@Override
		public Optional<LineRecord> find(Msisdn msisdn) {
			return Optional.ofNullable(PaymentNoticesTest.this.line);
		}

		@Override
		public boolean erased(Msisdn msisdn) {
			return false;
		}

	};

	private final PaymentNotices notices = new PaymentNotices(
			new Notifier(new NoticePlanner(), (channel, notice, id) -> {
				this.sent.add(id);
				return "sent-" + id;
			}, this.lookup, new SentLog(), this.recorded::add, Map.of(), Duration.ofDays(7), CLOCK), this.lookup,
			Duration.ofDays(7), Duration.ofHours(24), CLOCK);

	@Test
	void handlesEveryPaymentEventType() {
		assertThat(EventSamples.everyPermitted(PaymentEvent.class)).isNotEmpty()
			.allSatisfy((event) -> assertThatCode(() -> this.notices.handle(event)).as(event.getClass().getSimpleName())
				.doesNotThrowAnyException());
	}

	@Test
	void tellsARefundOncePerPaymentIntentWhateverTheLinesState() {
		this.line = record(CycleState.CANCELLED);
		this.notices.handle(refund("pi_1", "already_paid"));
		this.notices.handle(refund("pi_1", null));
		this.notices.handle(refund("pi_2", "amount_mismatch"));
		assertThat(this.sent).containsExactly("payment-refunded:pi_1:email", "payment-refunded:pi_2:email");
		assertThat(this.recorded).allSatisfy((event) -> assertThat(event).isInstanceOf(NotificationSent.class));
	}

	@Test
	void tellsAFailedCheckoutOnlyWhileItsCycleIsStillToPay() {
		this.notices.handle(failed(PaymentSource.AUTO_RENEWAL, "pi_auto"));
		this.notices.handle(failed(PaymentSource.CHECKOUT, "pi_1"));
		this.line = record(CycleState.PAYMENT_PENDING);
		this.notices.handle(failed(PaymentSource.CHECKOUT, "pi_2"));
		this.line = record(CycleState.RENEWED);
		this.notices.handle(failed(PaymentSource.CHECKOUT, "pi_3"));
		this.line = record(CycleState.LAPSED);
		this.notices.handle(failed(PaymentSource.CHECKOUT, "pi_4"));
		assertThat(this.sent).containsExactly("checkout-failed:pi_1:email", "checkout-failed:pi_2:email");
	}

	@Test
	void tellsAPaymentBeingProcessedOnceWhileItsCycleIsStillToPayAndNeverADispute() {
		this.notices.handle(processing("pi_sepa"));
		this.line = record(CycleState.PAYMENT_PENDING);
		this.notices.handle(processing("pi_sepa"));
		this.line = record(CycleState.RENEWED);
		this.notices.handle(processing("pi_late"));
		this.notices.handle(new PaymentDisputed(UUID.randomUUID(), CLOCK.instant(), MSISDN, VALID_UNTIL,
				Money.of(1500, "EUR"), "pi_sepa", "ch_1", "dp_1", "fraudulent", "evt_dp"));
		assertThat(this.sent).containsExactly("payment-processing:pi_sepa:email");
	}

	@Test
	void waitsForALineRecordNotReadYetAndSkipsEventsOlderThanTheMaximumAge() {
		this.line = null;
		assertThatThrownBy(() -> this.notices.handle(refund("pi_1", "already_paid")))
			.isInstanceOf(TransientDeliveryException.class);
		this.line = record(CycleState.OPEN);
		this.notices.handle(new PaymentRefunded(UUID.randomUUID(), CLOCK.instant().minus(Duration.ofDays(8)), MSISDN,
				VALID_UNTIL, Money.of(1500, "EUR"), "pi_old", "re_1", null, "already_paid"));
		assertThat(this.sent).isEmpty();
	}

	private static PaymentRefunded refund(String intent, String reason) {
		return new PaymentRefunded(UUID.randomUUID(), CLOCK.instant(), MSISDN, VALID_UNTIL, Money.of(1500, "EUR"),
				intent, "re_" + intent, null, reason);
	}

	private static PaymentProcessing processing(String intent) {
		return new PaymentProcessing(UUID.randomUUID(), CLOCK.instant(), MSISDN, VALID_UNTIL, Money.of(1500, "EUR"),
				PaymentSource.AUTO_RENEWAL, 1, intent, "evt_" + intent);
	}

	private static PaymentFailed failed(PaymentSource source, String intent) {
		return new PaymentFailed(UUID.randomUUID(), CLOCK.instant(), MSISDN, VALID_UNTIL, source,
				(source == PaymentSource.AUTO_RENEWAL) ? 1 : null, intent, "evt_" + intent, "card_declined", null,
				true);
	}

	private static LineRecord record(CycleState state) {
		Holder holder = new Holder("Sam", "sam@example.com", null, null, HolderLocale.EN, ZoneId.of("Europe/Brussels"));
		return new LineRecord(MSISDN, OperatorId.of("orange"), "orange-prepaid-15", VALID_UNTIL, state,
				Money.of(1500, "EUR"), AutoRenewal.OFF, holder, Instant.parse("2026-01-01T00:00:00Z"), CLOCK.instant());
	}

}
