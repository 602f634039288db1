package io.keepline.reliability.payments;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.reliability.payments.CheckoutCycle.Story;
import io.keepline.reliability.payments.StripeLedger.Refund;
import io.keepline.reliability.payments.WebhookDelivery.Forgery;
import io.keepline.reliability.payments.WebhookSender.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the webhook replay scenario checks once the storm is over: the answers Stripe got,
 * what each Stripe event became on payment-events, and what each cycle became on
 * deadline-events and at Stripe.
 */
final class WebhookReplayChecks {

	private WebhookReplayChecks() {
	}

	/** Genuine deliveries were acknowledged (after 503s, if any), bad ones refused. */
	static void assertAnswered(List<Result> results, int deliveries) {
		assertThat(results).as("deliveries answered").hasSize(deliveries);
		assertThat(results).filteredOn((r) -> r.delivery().forgery() == Forgery.NONE)
			.allSatisfy(
					(r) -> assertThat(r.status()).as("answer to genuine " + r.delivery().event().id()).isEqualTo(200));
		assertThat(results).filteredOn((r) -> r.delivery().forgery() != Forgery.NONE)
			.allSatisfy((r) -> assertThat(r.status())
				.as("answer to " + r.delivery().forgery() + " " + r.delivery().event().id())
				.isEqualTo(400));
	}

	/**
	 * Each Stripe event became at most one payment event; the events reporting one
	 * payment became exactly one between them; the events that must change nothing (not
	 * Keepline's, not final, a failure after the success) became none.
	 */
	static void assertEachEventAppliedOnce(List<StripeEvent> events, List<PaymentEvent> published) {
		Map<String, List<PaymentEvent>> byStripeEvent = published.stream()
			.filter((event) -> event.stripeEventId() != null)
			.collect(Collectors.groupingBy(PaymentEvent::stripeEventId));
		byStripeEvent.forEach((id, applied) -> assertThat(applied).as("payment events of " + id).hasSize(1));
		events.stream()
			.filter((event) -> event.fact() == null)
			.forEach((event) -> assertThat(byStripeEvent).as("what became of " + event.id())
				.doesNotContainKey(event.id()));
		events.stream()
			.filter((event) -> event.fact() != null)
			.collect(Collectors.groupingBy(StripeEvent::fact))
			.forEach((fact, reporting) -> {
				List<PaymentEvent> applied = reporting.stream()
					.map((event) -> byStripeEvent.get(event.id()))
					.filter(Objects::nonNull)
					.flatMap(List::stream)
					.toList();
				String intent = fact.substring(fact.indexOf(':') + 1);
				Class<?> type = fact.startsWith("ok:") ? PaymentSucceeded.class : PaymentFailed.class;
				assertThat(applied).as("payment events of " + fact).singleElement().isInstanceOf(type);
				assertThat(intentOf(applied.get(0))).isEqualTo(intent);
			});
	}

	/**
	 * Every cycle was confirmed exactly once with one of its payments; a cycle paid twice
	 * got exactly one RefundDue for the other payment, one refund at Stripe and one
	 * PaymentRefunded; no other cycle got any.
	 */
	static void assertEachCycleConfirmedOnce(List<CheckoutCycle> cycles, List<PaymentEvent> published,
			List<DeadlineEvent> deadlines, List<Refund> refunds) {
		for (CheckoutCycle cycle : cycles) {
			String what = cycle.msisdn().masked() + " (" + cycle.story() + ")";
			List<RenewalConfirmed> confirmed = of(deadlines, cycle, RenewalConfirmed.class);
			List<RefundDue> refundsDue = of(deadlines, cycle, RefundDue.class);
			List<PaymentRefunded> refunded = of(published, cycle, PaymentRefunded.class);
			assertThat(confirmed).as("RenewalConfirmed of " + what).singleElement();
			String confirmedBy = confirmed.get(0).paymentIntentId();
			assertThat(cycle.paidIntents()).as("intent confirming " + what).contains(confirmedBy);
			if (cycle.story() != Story.PAID_TWICE) {
				assertThat(refundsDue).as("RefundDue of " + what).isEmpty();
				assertThat(refunded).as("PaymentRefunded of " + what).isEmpty();
				continue;
			}
			String other = cycle.paidIntents().stream().filter((pi) -> !pi.equals(confirmedBy)).findFirst().get();
			assertThat(refundsDue).as("RefundDue of " + what).singleElement().satisfies((due) -> {
				assertThat(due.paymentIntentId()).isEqualTo(other);
				assertThat(due.reason()).isEqualTo("already_paid");
			});
			List<Refund> made = refunds.stream()
				.filter((r) -> cycle.paidIntents().contains(r.paymentIntentId()))
				.toList();
			assertThat(made).as("refunds made at Stripe for " + what).singleElement().satisfies((refund) -> {
				assertThat(refund.paymentIntentId()).isEqualTo(other);
				assertThat(refund.amount()).isEqualTo(CheckoutCycle.AMOUNT);
			});
			assertThat(refunded).as("PaymentRefunded of " + what).singleElement().satisfies((r) -> {
				assertThat(r.paymentIntentId()).isEqualTo(other);
				assertThat(r.refundId()).isEqualTo(made.get(0).refundId());
			});
		}
	}

	private static <E, T extends E> List<T> of(List<E> events, CheckoutCycle cycle, Class<T> type) {
		return events.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter((event) -> cycle.msisdn()
				.equals((event instanceof PaymentEvent payment) ? payment.msisdn() : ((DeadlineEvent) event).msisdn()))
			.toList();
	}

	private static String intentOf(PaymentEvent event) {
		return (event instanceof PaymentSucceeded ok) ? ok.paymentIntentId()
				: (event instanceof PaymentFailed failed) ? failed.paymentIntentId() : null;
	}

}
