package io.keepline.reliability.payments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Stripe stand-in keeps Stripe API v1's idempotency promise (500s of an outage
 * included, keys pruned after 24 hours), so that the scenarios would see a second charge
 * if payments got its keys wrong; it lists a customer's PaymentIntents and pages events.
 */
class StripeStubTest {

	private final StripeStub stripe = new StripeStub("sk_test_stub", FaultPlan.none(), Duration.ZERO);

	private final StripeClient client = StripeClient.builder()
		.setApiKey("sk_test_stub")
		.setApiBase(this.stripe.baseUrl())
		.setMaxNetworkRetries(0)
		.build();

	@AfterEach
	void stop() {
		this.stripe.close();
	}

	@Test
	void theSameKeyChargesOnceAndReplaysTheFirstAnswer() throws Exception {
		PaymentIntent first = charge("renewal:a:1", 1500);
		PaymentIntent again = charge("renewal:a:1", 1500);

		assertThat(again.getId()).isEqualTo(first.getId());
		assertThat(this.stripe.ledger().charges()).hasSize(1);
		assertThat(this.stripe.exchanges()).extracting(StripeStub.Exchange::replayed).containsExactly(false, true);
	}

	@Test
	void anotherKeyChargesAgain() throws Exception {
		charge("renewal:a:1", 1500);
		charge("renewal:a:1-retry", 1500);

		assertThat(this.stripe.ledger().charges()).hasSize(2).allMatch(StripeLedger.Charge::succeeded);
	}

	@Test
	void theSameKeyWithOtherParametersIsRefused() throws Exception {
		charge("renewal:a:1", 1500);

		assertThatThrownBy(() -> charge("renewal:a:1", 2000)).isInstanceOf(IdempotencyException.class);
		assertThat(this.stripe.ledger().charges()).hasSize(1);
	}

	@Test
	void aDeclineIsStoredAndReplayedLikeAnyAnswer() {
		this.stripe.ledger().decline("cus_a", 1, "card_declined", "insufficient_funds");

		assertThatThrownBy(() -> charge("renewal:a:1", 1500)).isInstanceOfSatisfying(CardException.class,
				(ex) -> assertThat(ex.getDeclineCode()).isEqualTo("insufficient_funds"));
		assertThatThrownBy(() -> charge("renewal:a:1", 1500)).isInstanceOf(CardException.class);
		assertThat(this.stripe.ledger().charges()).singleElement()
			.satisfies((c) -> assertThat(c.succeeded()).isFalse());
	}

	@Test
	void aFiveHundredOfAnOutageIsReplayedUnderItsKeyForADayThenTheKeyIsPruned() throws Exception {
		this.stripe.ledger().outage(true);
		assertThatThrownBy(() -> charge("renewal:a:1", 1500)).isInstanceOf(ApiException.class);
		this.stripe.ledger().outage(false);

		assertThatThrownBy(() -> charge("renewal:a:1", 1500)).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.getStatusCode()).isEqualTo(500));
		assertThat(this.stripe.ledger().charges()).isEmpty();
		assertThat(this.stripe.exchanges()).extracting(StripeStub.Exchange::status, StripeStub.Exchange::replayed)
			.containsExactly(tuple(500, false), tuple(500, true));

		this.stripe.ledger().advanceClock(Duration.ofHours(25));
		assertThat(charge("renewal:a:1", 1500).getStatus()).isEqualTo("succeeded");
		assertThat(this.stripe.ledger().charges()).hasSize(1);
	}

	@Test
	void listsACustomersPaymentIntentsAndPagesEventsWithStartingAfter() throws Exception {
		this.stripe.ledger().decline("cus_a", 1, "card_declined", "insufficient_funds");
		assertThatThrownBy(() -> charge("renewal:a:1", 1500)).isInstanceOf(CardException.class);
		charge("renewal:a:2", 1500);
		charge("renewal:a:3", 1500);

		List<PaymentIntent> ofA = this.client.v1()
			.paymentIntents()
			.list(PaymentIntentListParams.builder().setCustomer("cus_a").build())
			.getData();
		assertThat(ofA).extracting(PaymentIntent::getStatus)
			.containsExactly("succeeded", "succeeded", "requires_payment_method");
		assertThat(this.client.v1()
			.paymentIntents()
			.list(PaymentIntentListParams.builder().setCustomer("cus_b").build())
			.getData()).isEmpty();

		StripeCollection<Event> first = this.client.v1().events().list(EventListParams.builder().setLimit(2L).build());
		List<Event> all = new ArrayList<>();
		first.autoPagingIterable().forEach(all::add);
		assertThat(first.getHasMore()).isTrue();
		assertThat(all).extracting(Event::getType)
			.containsExactly("payment_intent.succeeded", "payment_intent.succeeded", "payment_intent.payment_failed");
	}

	private PaymentIntent charge(String key, long amount) throws Exception {
		PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
			.setAmount(amount)
			.setCurrency("eur")
			.setCustomer("cus_a")
			.setPaymentMethod("pm_a")
			.setOffSession(true)
			.setConfirm(true)
			.putMetadata("keepline_msisdn", "+32470000001")
			.build();
		return this.client.v1()
			.paymentIntents()
			.create(params, RequestOptions.builder().setIdempotencyKey(key).build());
	}

}
