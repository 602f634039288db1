package io.keepline.payments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
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

/**
 * The Stripe stand-in keeps Stripe API v1's rules, through stripe-java over HTTP: a key's
 * first answer (a 500 too) is replayed for 24 hours, a key reused with other parameters
 * is an idempotency_error, PaymentIntents are listed by customer and events page with
 * starting_after.
 */
class StripeStandInTest {

	private final StripeStandIn stripe = new StripeStandIn();

	private final StripeClient client = StripeClient.builder()
		.setApiKey("sk_test_stand_in")
		.setApiBase(this.stripe.baseUrl())
		.setMaxNetworkRetries(0)
		.build();

	@AfterEach
	void stop() {
		this.stripe.close();
	}

	@Test
	void replaysAFiveHundredUnderItsKeyForTwentyFourHoursThenCarriesTheRequestOut() throws Exception {
		this.stripe.outage(true);
		assertThatThrownBy(() -> charge("renewal:a:1", "cus_a", 1500)).isInstanceOf(ApiException.class);
		this.stripe.outage(false);

		assertThatThrownBy(() -> charge("renewal:a:1", "cus_a", 1500)).as("the same key after the outage")
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.getStatusCode()).isEqualTo(500));
		this.stripe.advanceClock(Duration.ofHours(23));
		assertThatThrownBy(() -> charge("renewal:a:1", "cus_a", 1500)).isInstanceOf(ApiException.class);
		assertThat(this.stripe.paymentIntents()).isEmpty();
		assertThat(this.stripe.serverErrors()).isEqualTo(3);

		this.stripe.advanceClock(Duration.ofHours(2));
		assertThat(charge("renewal:a:1", "cus_a", 1500).getStatus()).isEqualTo("succeeded");
		assertThat(this.stripe.paymentIntents()).hasSize(1);
	}

	@Test
	void theSameKeyChargesOnceAndWithOtherParametersIsAnIdempotencyError() throws Exception {
		PaymentIntent first = charge("renewal:a:1", "cus_a", 1500);

		assertThat(charge("renewal:a:1", "cus_a", 1500).getId()).isEqualTo(first.getId());
		assertThatThrownBy(() -> charge("renewal:a:1", "cus_a", 2000))
			.isInstanceOfSatisfying(IdempotencyException.class, (ex) -> assertThat(ex.getStatusCode()).isEqualTo(400));
		assertThat(this.stripe.paymentIntents()).hasSize(1);
	}

	@Test
	void aLostAnswerIsAFiveHundredWhoseChargeTheCustomersListShows() throws Exception {
		charge("renewal:b:1", "cus_b", 900);
		this.stripe.loseAnswers(1);

		assertThatThrownBy(() -> charge("renewal:a:1", "cus_a", 1500)).isInstanceOf(ApiException.class);
		StripeCollection<PaymentIntent> ofA = this.client.v1()
			.paymentIntents()
			.list(PaymentIntentListParams.builder().setCustomer("cus_a").build());

		assertThat(ofA.getData()).singleElement().satisfies((pi) -> {
			assertThat(pi.getAmount()).isEqualTo(1500);
			assertThat(pi.getMetadata()).containsEntry("keepline_msisdn", "+32470000001");
		});
		assertThat(this.stripe.serverErrors()).isEqualTo(1);
	}

	@Test
	void listsEventsNewestFirstAndPagesThemWithStartingAfter() throws Exception {
		for (int i = 1; i <= 5; i++) {
			charge("renewal:" + i, "cus_a", 100 * i);
		}

		StripeCollection<Event> first = this.client.v1()
			.events()
			.list(EventListParams.builder().setLimit(2L).addType("payment_intent.succeeded").build());
		List<Event> all = new ArrayList<>();
		first.autoPagingIterable().forEach(all::add);

		assertThat(first.getHasMore()).isTrue();
		assertThat(first.getData()).extracting(Event::getId).containsExactly("evt_stand_in_5", "evt_stand_in_4");
		assertThat(all).extracting(Event::getId)
			.containsExactly("evt_stand_in_5", "evt_stand_in_4", "evt_stand_in_3", "evt_stand_in_2", "evt_stand_in_1");
		StripeCollection<Event> last = this.client.v1()
			.events()
			.list(EventListParams.builder().setLimit(2L).setStartingAfter("evt_stand_in_2").build());
		assertThat(last.getHasMore()).isFalse();
		assertThat(last.getData()).extracting(Event::getId).containsExactly("evt_stand_in_1");
	}

	private PaymentIntent charge(String key, String customer, long amount) throws Exception {
		PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
			.setAmount(amount)
			.setCurrency("eur")
			.setCustomer(customer)
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
