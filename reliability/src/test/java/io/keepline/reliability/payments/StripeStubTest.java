package io.keepline.reliability.payments;

import java.time.Duration;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Stripe stand-in keeps Stripe's idempotency promise, so that the scenarios would see
 * a second charge if payments got its keys wrong.
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
