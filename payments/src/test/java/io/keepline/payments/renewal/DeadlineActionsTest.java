package io.keepline.payments.renewal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.payments.gateway.ChargeOutcome;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.gateway.OffSessionCharge;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.gateway.RefundResult;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.webhook.PublishedOutcomes;
import io.keepline.payments.webhook.StripeEventMapper;
import io.keepline.payments.webhook.WebhookProcessor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Payments has an answer to every scheduler decision and to every outcome of a charge,
 * and charges an automatic renewal only for the line's current open cycle, while the
 * event is fresh.
 */
public class DeadlineActionsTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-20T10:00:00Z"), ZoneOffset.UTC);

	private static final Msisdn MSISDN = Msisdn.of("+32470123456");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

	private static final List<ChargeOutcome> OUTCOMES = List.of(new ChargeOutcome.Succeeded("pi_1"),
			new ChargeOutcome.Pending("pi_2"), new ChargeOutcome.Failed("pi_3", "card_declined", null, true));

	private static final AutoRenewal OPTED_IN = new AutoRenewal(true, true, new SavedMethod("visa", "4242", 12, 2030));

	private final PaymentGateway gateway = mock(PaymentGateway.class);

	private final List<PaymentEvent> published = new ArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private PaymentHistory history;

	@Test
	void actsOnEveryDeadlineEventType() {
		given(this.gateway.chargeOffSession(any())).willReturn(new ChargeOutcome.Succeeded("pi_1"));
		given(this.gateway.refund(any())).willReturn(new RefundResult("re_1", 1500));

		for (DeadlineEvent event : EventSamples.everyPermitted(DeadlineEvent.class)) {
			LineRecordLookup lines = (msisdn) -> Optional.of(record(msisdn, event.validUntil(), CycleState.OPEN));
			assertThatCode(() -> actions(lines).on(event)).as(event.getClass().getSimpleName())
				.doesNotThrowAnyException();
		}
	}

	@Test
	void answersEveryChargeOutcome() {
		assertThat(OUTCOMES).extracting(Object::getClass)
			.containsExactlyInAnyOrder(ChargeOutcome.class.getPermittedSubclasses());
		AutoRenewalDue due = due(CLOCK.instant());

		for (ChargeOutcome outcome : OUTCOMES) {
			given(this.gateway.chargeOffSession(any())).willReturn(outcome);

			assertThatCode(() -> actions(open()).on(due)).as(outcome.getClass().getSimpleName())
				.doesNotThrowAnyException();
		}
	}

	@Test
	void publishesAProcessingDebitAsPaymentProcessing() {
		given(this.gateway.chargeOffSession(any())).willReturn(new ChargeOutcome.Pending("pi_sepa"));

		actions(open()).on(due(CLOCK.instant()));

		assertThat(this.published).singleElement().isInstanceOfSatisfying(PaymentProcessing.class, (processing) -> {
			assertThat(processing.paymentIntentId()).isEqualTo("pi_sepa");
			assertThat(processing.attempt()).isEqualTo(1);
			assertThat(processing.source()).isEqualTo(PaymentSource.AUTO_RENEWAL);
			assertThat(processing.validUntil()).isEqualTo(VALID_UNTIL);
		});
	}

	@Test
	void chargesTheCurrentOpenCycleWhileTheEventIsFresh() {
		given(this.gateway.chargeOffSession(any())).willReturn(new ChargeOutcome.Succeeded("pi_1"));

		actions(open()).on(due(CLOCK.instant().minus(Duration.ofHours(19))));

		verify(this.gateway, times(1)).chargeOffSession(any());
		assertThat(this.published).hasSize(1);
	}

	@Test
	void chargesNothingForAnEventOlderThanTheBound() {
		actions(open()).on(due(CLOCK.instant().minus(Duration.ofHours(21))));

		assertSkipped("too_old");
	}

	@Test
	void chargesNothingForACycleThatIsNoLongerOpenOrCurrent() {
		actions((msisdn) -> Optional.of(record(msisdn, VALID_UNTIL, CycleState.RENEWED))).on(due(CLOCK.instant()));
		actions((msisdn) -> Optional.of(record(msisdn, VALID_UNTIL, CycleState.PAYMENT_PENDING)))
			.on(due(CLOCK.instant()));
		actions((msisdn) -> Optional.of(record(msisdn, VALID_UNTIL.plusYears(1), CycleState.OPEN)))
			.on(due(CLOCK.instant()));
		actions((msisdn) -> Optional.empty()).on(due(CLOCK.instant()));

		verify(this.gateway, never()).chargeOffSession(any());
		assertThat(this.meters.counter(DeadlineActions.SKIPPED, "reason", "not_open").count()).isEqualTo(2);
		assertThat(this.meters.counter(DeadlineActions.SKIPPED, "reason", "not_current").count()).isEqualTo(1);
		assertThat(this.meters.counter(DeadlineActions.SKIPPED, "reason", "no_record").count()).isEqualTo(1);
	}

	@Test
	void chargesNothingForACycleWhosePaymentPaymentsAlreadyPublished() {
		this.history = PaymentHistory.empty(MSISDN)
			.apply(new PaymentSucceeded(UUID.randomUUID(), CLOCK.instant(), MSISDN, VALID_UNTIL, Money.of(1500, "EUR"),
					PaymentSource.AUTO_RENEWAL, 1, "pi_1", null));

		actions(open()).on(due(CLOCK.instant()));

		assertSkipped("already_paid");
	}

	@Test
	void chargesNothingOnceTheHolderTurnedAutomaticRenewalOffThoughTheRecordDoesNotShowItYet() {
		this.history = PaymentHistory.empty(MSISDN)
			.apply(new AutoRenewalStopped(UUID.randomUUID(), CLOCK.instant(), MSISDN, CLOCK.instant()));

		actions(open()).on(due(CLOCK.instant()));

		assertSkipped("holder_stopped");
	}

	@Test
	void chargesNothingButTheRecordsPriceAndNoOtherCardThanTheCurrentHolders() {
		actions((msisdn) -> Optional.of(record(msisdn, VALID_UNTIL, CycleState.OPEN, Money.of(1000, "EUR"), OPTED_IN)))
			.on(due(CLOCK.instant()));
		actions((msisdn) -> Optional.of(record(msisdn, VALID_UNTIL, CycleState.OPEN, Money.of(1500, "USD"), OPTED_IN)))
			.on(due(CLOCK.instant()));
		actions((msisdn) -> Optional.of(record(msisdn, VALID_UNTIL, CycleState.OPEN, Money.of(1500, "EUR"),
				new AutoRenewal(true, false, null))))
			.on(due(CLOCK.instant()));
		this.history = saved(new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030));
		actions((msisdn) -> Optional.of(record(msisdn, VALID_UNTIL, CycleState.OPEN, Money.of(1500, "EUR"),
				new AutoRenewal(true, true, new SavedMethod("mastercard", "4444", 8, 2029)))))
			.on(due(CLOCK.instant()));
		this.history = saved(new PaymentMethodRef("cus_1", "pm_2", "visa", "4242", 12, 2030));
		actions(open()).on(due(CLOCK.instant()));

		verify(this.gateway, never()).chargeOffSession(any());
		assertThat(this.meters.counter(DeadlineActions.SKIPPED, "reason", "price_changed").count()).isEqualTo(2);
		assertThat(this.meters.counter(DeadlineActions.SKIPPED, "reason", "method_changed").count()).isEqualTo(3);
	}

	@Test
	void chargesTheEventsStripeReferencesWithTheCardTheRecordShows() {
		given(this.gateway.chargeOffSession(any())).willReturn(new ChargeOutcome.Succeeded("pi_1"));
		this.history = saved(new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030));

		actions(open()).on(due(CLOCK.instant()));

		ArgumentCaptor<OffSessionCharge> charge = ArgumentCaptor.forClass(OffSessionCharge.class);
		verify(this.gateway).chargeOffSession(charge.capture());
		assertThat(charge.getValue().method())
			.isEqualTo(new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030));
	}

	/**
	 * Payments reads a card sealed on payment-events as unknown until the line record
	 * gives it: the method is still the holder's (its Stripe ids match), and is charged
	 * with the record's card.
	 */
	@Test
	void chargesAMethodWhoseSealedCardTheHistoryHasNotLearnedYet() {
		given(this.gateway.chargeOffSession(any())).willReturn(new ChargeOutcome.Succeeded("pi_1"));
		this.history = saved(new PaymentMethodRef("cus_1", "pm_1", null, null, 0, 0));

		actions(open()).on(due(CLOCK.instant()));

		ArgumentCaptor<OffSessionCharge> charge = ArgumentCaptor.forClass(OffSessionCharge.class);
		verify(this.gateway).chargeOffSession(charge.capture());
		assertThat(charge.getValue().method())
			.isEqualTo(new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030));
	}

	private static PaymentHistory saved(PaymentMethodRef method) {
		return PaymentHistory.empty(MSISDN)
			.apply(new PaymentMethodSaved(UUID.randomUUID(), CLOCK.instant(), MSISDN, method, "seti_1", "evt_1"));
	}

	@Test
	void aRecordBehindTheEventsCycleIsRetriedNotCharged() {
		DeadlineActions actions = actions(
				(msisdn) -> Optional.of(record(msisdn, VALID_UNTIL.minusYears(1), CycleState.RENEWED)));

		assertThatExceptionOfType(LineRecordBehindException.class).isThrownBy(() -> actions.on(due(CLOCK.instant())));
		verify(this.gateway, never()).chargeOffSession(any());
	}

	private void assertSkipped(String reason) {
		verify(this.gateway, never()).chargeOffSession(any());
		assertThat(this.published).isEmpty();
		assertThat(this.meters.counter(DeadlineActions.SKIPPED, "reason", reason).count()).isEqualTo(1);
	}

	private static LineRecordLookup open() {
		return (msisdn) -> Optional.of(record(msisdn, VALID_UNTIL, CycleState.OPEN));
	}

	@Test
	void settlesUnderANewKeyOnlyWhenStripeKeptAFiveHundredAndHasNoPaymentIntent() {
		AutoRenewalDue due = due(CLOCK.instant());
		given(this.gateway.findCharge(any())).willReturn(Optional.empty());
		given(this.gateway.chargeOffSession(any())).willReturn(new ChargeOutcome.Succeeded("pi_1"));
		Unsettled kept = new Unsettled(due, null);
		kept.requestFailed(true);
		Unsettled unanswered = new Unsettled(due, null);
		unanswered.requestFailed(false);

		actions(open()).settle(kept);
		actions(open()).settle(unanswered);

		ArgumentCaptor<OffSessionCharge> sent = ArgumentCaptor.forClass(OffSessionCharge.class);
		verify(this.gateway, times(2)).chargeOffSession(sent.capture());
		assertThat(sent.getAllValues()).extracting(OffSessionCharge::idempotencyKey)
			.containsExactly(due.idempotencyKey() + ":retry-1", due.idempotencyKey());
	}

	@Test
	void publishesTheChargeStripeHasWithoutChargingAgain() {
		AutoRenewalDue due = due(CLOCK.instant());
		given(this.gateway.findCharge(any())).willReturn(Optional.of(new ChargeOutcome.Succeeded("pi_lost")));
		Unsettled work = new Unsettled(due, null);
		work.requestFailed(true);

		actions(open()).settle(work);

		verify(this.gateway, never()).chargeOffSession(any());
		assertThat(this.published).singleElement()
			.isInstanceOfSatisfying(PaymentSucceeded.class,
					(ok) -> assertThat(ok.paymentIntentId()).isEqualTo("pi_lost"));
	}

	@Test
	void publishesARetryableGatewayUnavailableFailureOnceStripeStayedOutOfReachPastTheDeadline() {
		AutoRenewalDue due = due(CLOCK.instant().minus(Duration.ofHours(21)));
		given(this.gateway.findCharge(any())).willThrow(new GatewayUnavailableException("down", null, true));

		actions(open()).settle(new Unsettled(due, null));

		verify(this.gateway, never()).chargeOffSession(any());
		assertThat(this.published).singleElement().isInstanceOfSatisfying(PaymentFailed.class, (failed) -> {
			assertThat(failed.reason()).isEqualTo(PaymentFailed.GATEWAY_UNAVAILABLE);
			assertThat(failed.retryable()).isTrue();
			assertThat(failed.attempt()).isEqualTo(1);
		});
	}

	@Test
	void keepsAnUnreachableChargeUnsettledBeforeTheDeadline() {
		given(this.gateway.findCharge(any())).willThrow(new GatewayUnavailableException("down", null, true));

		assertThatExceptionOfType(GatewayUnavailableException.class)
			.isThrownBy(() -> actions(open()).settle(new Unsettled(due(CLOCK.instant()), null)));
		assertThat(this.published).isEmpty();
	}

	private static AutoRenewalDue due(Instant at) {
		return new AutoRenewalDue(UUID.randomUUID(), at, MSISDN, OperatorId.of("orange"), VALID_UNTIL, 1,
				new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030), Money.of(1500, "EUR"));
	}

	public static LineRecord record(Msisdn msisdn, LocalDate validUntil, CycleState state) {
		return record(msisdn, validUntil, state, Money.of(1500, "EUR"), OPTED_IN);
	}

	static LineRecord record(Msisdn msisdn, LocalDate validUntil, CycleState state, Money price, AutoRenewal renewal) {
		Holder holder = new Holder(null, "h@example.com", null, null, HolderLocale.EN, ZoneId.of("Europe/Brussels"));
		return new LineRecord(msisdn, OperatorId.of("orange"), "orange-prepaid-15", validUntil, state, price, renewal,
				holder, Instant.parse("2026-01-01T00:00:00Z"), CLOCK.instant());
	}

	private DeadlineActions actions(LineRecordLookup lines) {
		WebhookProcessor processor = new WebhookProcessor("whsec_test", 300, CLOCK,
				new StripeEventMapper(this.gateway, lines), new PublishedOutcomes((msisdn) -> Optional.empty(), 10),
				this.published::add);
		return new DeadlineActions(this.gateway, processor, lines, (msisdn) -> Optional.ofNullable(this.history),
				Duration.ofHours(20), Duration.ofHours(20), this.meters, CLOCK);
	}

}
