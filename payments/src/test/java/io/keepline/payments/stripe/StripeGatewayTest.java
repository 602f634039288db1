package io.keepline.payments.stripe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.stripe.StripeClient;
import io.keepline.contracts.CycleId;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.payments.StripeJson;
import io.keepline.payments.gateway.ChargeOutcome;
import io.keepline.payments.gateway.CheckoutRequest;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.gateway.OffSessionCharge;
import io.keepline.payments.gateway.RefundRequest;
import io.keepline.payments.gateway.SetupRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * stripe-java against a local stub answering like the Stripe API: request parameters,
 * idempotency keys, and retries of 5xx and timeouts with the same key.
 */
class StripeGatewayTest {

	private static final Msisdn MSISDN = Msisdn.of("+32470123456");

	private static final CycleId CYCLE = new CycleId(MSISDN, LocalDate.parse("2026-12-31"));

	private static final Instant REGISTERED_AT = Instant.parse("2026-01-01T00:00:00Z");

	private static final PaymentMethodRef CARD = new PaymentMethodRef("cus_T1", "pm_1", "visa", "4242", 12, 2030);

	private WireMockServer stripe;

	private StripeGateway gateway;

	@BeforeEach
	void startStub() {
		this.stripe = new WireMockServer(options().dynamicPort());
		this.stripe.start();
		this.gateway = new StripeGateway(StripeClient.builder()
			.setApiKey("sk_test_keepline")
			.setApiBase(this.stripe.baseUrl())
			.setConnectTimeout(1_000)
			.setReadTimeout(2_500)
			.setMaxNetworkRetries(2)
			.build());
	}

	@AfterEach
	void stopStub() {
		this.stripe.stop();
	}

	@Test
	void createsCheckoutSessionForTheCycleWithCardBancontactEurAndMetadata() {
		this.stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(okJson("""
				{"id": "cs_test_a1", "object": "checkout.session", "mode": "payment", "status": "open",
				 "url": "https://checkout.stripe.com/c/pay/cs_test_a1", "amount_total": 1500, "currency": "eur"}""")));

		var session = this.gateway.createCheckoutSession(new CheckoutRequest(CYCLE, Money.of(1500, "EUR"),
				HolderLocale.FR, "http://pages/status/t?checkout=success", "http://pages/status/t?checkout=cancelled",
				"checkout:+32470123456:2026-12-31:7"));

		assertThat(session.url()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_a1");
		this.stripe.verify(1,
				postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
					.withHeader("Idempotency-Key", equalTo("checkout:+32470123456:2026-12-31:7"))
					.withFormParam("mode", equalTo("payment"))
					.withFormParam("payment_method_types[0]", equalTo("card"))
					.withFormParam("payment_method_types[1]", equalTo("bancontact"))
					.withFormParam("line_items[0][price_data][currency]", equalTo("eur"))
					.withFormParam("line_items[0][price_data][unit_amount]", equalTo("1500"))
					.withFormParam("line_items[0][quantity]", equalTo("1"))
					.withFormParam("metadata[keepline_msisdn]", equalTo("+32470123456"))
					.withFormParam("metadata[keepline_valid_until]", equalTo("2026-12-31"))
					.withFormParam("payment_intent_data[metadata][keepline_msisdn]", equalTo("+32470123456"))
					.withFormParam("payment_intent_data[metadata][keepline_valid_until]", equalTo("2026-12-31"))
					.withFormParam("client_reference_id", equalTo("+32470123456:2026-12-31"))
					.withFormParam("locale", equalTo("fr"))
					.withFormParam("success_url", equalTo("http://pages/status/t?checkout=success")));
	}

	@Test
	void createsSetupSessionThatSavesCardOrBancontactForACustomer() {
		this.stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(okJson("""
				{"id": "cs_test_s1", "object": "checkout.session", "mode": "setup", "status": "open",
				 "url": "https://checkout.stripe.com/c/pay/cs_test_s1"}""")));

		this.gateway.createSetupSession(new SetupRequest(CYCLE, HolderLocale.NL, null, Currency.getInstance("EUR"),
				REGISTERED_AT, "http://ok", "http://ko", "setup:+32470123456:2026-12-31:7"));

		this.stripe.verify(1,
				postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
					.withHeader("Idempotency-Key", equalTo("setup:+32470123456:2026-12-31:7"))
					.withFormParam("mode", equalTo("setup"))
					.withFormParam("customer_creation", equalTo("always"))
					.withFormParam("payment_method_types[1]", equalTo("bancontact"))
					.withFormParam("currency", equalTo("eur"))
					.withFormParam("setup_intent_data[metadata][keepline_msisdn]", equalTo("+32470123456"))
					.withFormParam("setup_intent_data[metadata][keepline_registered_at]",
							equalTo("2026-01-01T00:00:00Z"))
					.withFormParam("locale", equalTo("nl")));
	}

	@Test
	void aLinePricedInAnotherCurrencyPaysAndSavesByCardInItsCurrency() {
		this.stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(okJson("""
				{"id": "cs_test_u1", "object": "checkout.session", "mode": "payment", "status": "open",
				 "url": "https://checkout.stripe.com/c/pay/cs_test_u1"}""")));

		this.gateway.createCheckoutSession(new CheckoutRequest(CYCLE, Money.of(1999, "USD"), HolderLocale.EN,
				"http://ok", "http://ko", "checkout:usd"));
		this.gateway.createSetupSession(new SetupRequest(CYCLE, HolderLocale.EN, null, Currency.getInstance("GBP"),
				REGISTERED_AT, "http://ok", "http://ko", "setup:gbp"));

		this.stripe.verify(1,
				postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
					.withHeader("Idempotency-Key", equalTo("checkout:usd"))
					.withFormParam("payment_method_types[0]", equalTo("card"))
					.withFormParam("line_items[0][price_data][currency]", equalTo("usd"))
					.withFormParam("line_items[0][price_data][unit_amount]", equalTo("1999")));
		this.stripe.verify(1,
				postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
					.withHeader("Idempotency-Key", equalTo("setup:gbp"))
					.withFormParam("currency", equalTo("gbp"))
					.withFormParam("payment_method_types[0]", equalTo("card")));
		assertThat(this.stripe.getAllServeEvents())
			.noneMatch((served) -> served.getRequest().getBodyAsString().contains("bancontact"));
	}

	@Test
	void chargesOffSessionWithTheAttemptsIdempotencyKey() {
		this.stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
			.willReturn(okJson(StripeJson.paymentIntent("pi_ok", "succeeded", 1500, metadata(), "null"))));

		ChargeOutcome outcome = this.gateway.chargeOffSession(charge(due(1)));

		assertThat(outcome).isEqualTo(new ChargeOutcome.Succeeded("pi_ok"));
		this.stripe.verify(1,
				postRequestedFor(urlEqualTo("/v1/payment_intents"))
					.withHeader("Idempotency-Key", equalTo("renewal:+32470123456:2026-12-31:1"))
					.withFormParam("amount", equalTo("1500"))
					.withFormParam("currency", equalTo("eur"))
					.withFormParam("customer", equalTo("cus_T1"))
					.withFormParam("payment_method", equalTo("pm_1"))
					.withFormParam("payment_method_types[0]", equalTo("card"))
					.withFormParam("off_session", equalTo("true"))
					.withFormParam("confirm", equalTo("true"))
					.withFormParam("metadata[keepline_msisdn]", equalTo("+32470123456"))
					.withFormParam("metadata[keepline_valid_until]", equalTo("2026-12-31"))
					.withFormParam("metadata[keepline_attempt]", equalTo("1")));
	}

	@Test
	void retriesAServerErrorWithTheSameKeySoThatThereIsOneCharge() {
		this.stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("5xx")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong\"}}"))
			.willSetStateTo("recovered"));
		this.stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("5xx")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson(StripeJson.paymentIntent("pi_once", "succeeded", 1500, metadata(), "null"))));

		ChargeOutcome outcome = this.gateway.chargeOffSession(charge(due(2)));

		assertThat(outcome).isEqualTo(new ChargeOutcome.Succeeded("pi_once"));
		this.stripe.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key",
				equalTo("renewal:+32470123456:2026-12-31:2")));
	}

	@Test
	void retriesATimeoutWithTheSameKey() {
		this.stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("slow")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(StripeJson.paymentIntent("pi_slow", "succeeded", 1500, metadata(), "null"))
				.withFixedDelay(5_000))
			.willSetStateTo("fast"));
		this.stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("slow")
			.whenScenarioStateIs("fast")
			.willReturn(okJson(StripeJson.paymentIntent("pi_slow", "succeeded", 1500, metadata(), "null"))));

		ChargeOutcome outcome = this.gateway.chargeOffSession(charge(due(1)));

		assertThat(outcome).isEqualTo(new ChargeOutcome.Succeeded("pi_slow"));
		this.stripe.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key",
				equalTo("renewal:+32470123456:2026-12-31:1")));
	}

	@Test
	void reportsStripeUnavailableAfterTheClientsRetriesAllWithOneKey() {
		this.stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"unavailable\"}}")));

		assertThatThrownBy(() -> this.gateway.chargeOffSession(charge(due(3))))
			.isInstanceOfSatisfying(GatewayUnavailableException.class, (ex) -> assertThat(ex.answered()).isTrue());
		this.stripe.verify(3, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key",
				equalTo("renewal:+32470123456:2026-12-31:3")));
	}

	@Test
	void findsTheCyclesChargeAmongTheCustomersPaymentIntents() {
		String otherCycle = StripeJson.metadata(MSISDN, LocalDate.parse("2025-12-31"), "auto_renewal");
		String thisCycle = StripeJson.metadata(MSISDN, CYCLE.validUntil(), "auto_renewal")
			.replace("}", ", \"keepline_attempt\": \"2\"}");
		this.stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson("""
				{"object": "list", "url": "/v1/payment_intents", "has_more": false, "data": [%s, %s]}""".formatted(
				StripeJson.paymentIntent("pi_last_year", "succeeded", 1500, otherCycle, "null"),
				StripeJson.paymentIntent("pi_lost", "succeeded", 1500, thisCycle, "null")))));

		assertThat(this.gateway.findCharge(charge(due(3)))).contains(new ChargeOutcome.Succeeded("pi_lost"));
		this.stripe.verify(
				getRequestedFor(urlPathEqualTo("/v1/payment_intents")).withQueryParam("customer", equalTo("cus_T1")));
	}

	@Test
	void findsNothingWhenNoPaymentIntentNamesTheCycle() {
		this.stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson("""
				{"object": "list", "url": "/v1/payment_intents", "has_more": false, "data": []}""")));

		assertThat(this.gateway.findCharge(charge(due(1)))).isEmpty();
	}

	@Test
	void aDeclineIsAFailedOutcomeWithItsDeclineCode() {
		declineWith("card_declined", "insufficient_funds");

		ChargeOutcome outcome = this.gateway.chargeOffSession(charge(due(1)));

		assertThat(outcome)
			.isEqualTo(new ChargeOutcome.Failed("pi_declined", "card_declined", "insufficient_funds", true));
	}

	@Test
	void authenticationRequiredIsNotRetryableOffSession() {
		declineWith("authentication_required", "authentication_required");

		ChargeOutcome outcome = this.gateway.chargeOffSession(charge(due(1)));

		assertThat(outcome).isEqualTo(
				new ChargeOutcome.Failed("pi_declined", "authentication_required", "authentication_required", false));
	}

	@Test
	void refundsThePaymentIntentWithItsRefundKey() {
		this.stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(okJson("""
				{"id": "re_1", "object": "refund", "amount": 1500, "currency": "eur", "payment_intent": "pi_dup",
				 "status": "succeeded", "created": 1764000000, "metadata": {}}""")));

		var refund = this.gateway
			.refund(new RefundRequest(CYCLE, "pi_dup", Money.of(1500, "EUR"), RefundRequest.ALREADY_PAID));

		assertThat(refund.refundId()).isEqualTo("re_1");
		this.stripe.verify(1,
				postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("refund:pi_dup"))
					.withFormParam("payment_intent", equalTo("pi_dup"))
					.withFormParam("amount", equalTo("1500"))
					.withFormParam("reason", equalTo("duplicate"))
					.withFormParam("metadata[keepline_refund_reason]", equalTo("already_paid"))
					.withFormParam("metadata[keepline_msisdn]", equalTo(CYCLE.msisdn().value())));
	}

	@Test
	void refundsAPaymentOfTheWrongAmountAsRequestedWithKeeplinesReasonInMetadata() {
		this.stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(okJson("""
				{"id": "re_2", "object": "refund", "amount": 1400, "currency": "eur", "payment_intent": "pi_low",
				 "status": "succeeded", "created": 1764000000, "metadata": {}}""")));

		this.gateway.refund(new RefundRequest(CYCLE, "pi_low", Money.of(1400, "EUR"), "amount_mismatch"));

		this.stripe.verify(1,
				postRequestedFor(urlEqualTo("/v1/refunds")).withFormParam("reason", equalTo("requested_by_customer"))
					.withFormParam("metadata[keepline_refund_reason]", equalTo("amount_mismatch")));
	}

	@Test
	void readsTheSavedCardOfACompletedSetup() {
		this.stripe.stubFor(get(urlPathEqualTo("/v1/setup_intents/seti_1")).willReturn(
				okJson("""
						{"id": "seti_1", "object": "setup_intent", "status": "succeeded", "customer": "cus_T9", "usage": "off_session",
						 "payment_method": {"id": "pm_9", "object": "payment_method", "type": "card", "customer": "cus_T9",
						   "card": {"brand": "mastercard", "last4": "4444", "exp_month": 8, "exp_year": 2029, "country": "BE"}},
						 "metadata": {"keepline_msisdn": "+32470123456", "keepline_valid_until": "2026-12-31"}}""")));

		PaymentMethodRef method = this.gateway.savedMethod("seti_1");

		assertThat(method).isEqualTo(new PaymentMethodRef("cus_T9", "pm_9", "mastercard", "4444", 8, 2029));
		this.stripe.verify(getRequestedFor(urlPathEqualTo("/v1/setup_intents/seti_1")).withQueryParam("expand[0]",
				equalTo("payment_method")));
	}

	@Test
	void bancontactSetupIsChargedLaterThroughItsGeneratedSepaDebit() {
		this.stripe.stubFor(get(urlPathEqualTo("/v1/setup_intents/seti_2")).willReturn(
				okJson("""
						{"id": "seti_2", "object": "setup_intent", "status": "succeeded", "customer": "cus_B1", "usage": "off_session",
						 "payment_method": {"id": "pm_bc", "object": "payment_method", "type": "bancontact", "customer": null,
						   "bancontact": {}},
						 "latest_attempt": {"id": "setatt_1", "object": "setup_attempt", "status": "succeeded",
						   "payment_method_details": {"type": "bancontact", "bancontact": {"bank_code": "VAPE", "bank_name": "VAN DE PUT & CO",
						     "bic": "VAPEBE22", "generated_sepa_debit": "pm_sepa_1", "generated_sepa_debit_mandate": "mandate_1",
						     "iban_last4": "7061", "preferred_language": "nl", "verified_name": "Jenny Rosen"}}}}""")));

		PaymentMethodRef method = this.gateway.savedMethod("seti_2");

		assertThat(method).isEqualTo(new PaymentMethodRef("cus_B1", "pm_sepa_1", "sepa_debit", "7061", 0, 0));
	}

	private void declineWith(String code, String declineCode) {
		String intent = StripeJson.paymentIntent("pi_declined", "requires_payment_method", 1500, metadata(),
				StripeJson.cardError(code, declineCode));
		this.stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(402)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error": {"type": "card_error", "code": "%s", "decline_code": "%s",
					 "message": "Your card was declined.", "payment_intent": %s}}""".formatted(code, declineCode,
					intent))));
	}

	private static AutoRenewalDue due(int attempt) {
		return new AutoRenewalDue(java.util.UUID.randomUUID(), java.time.Instant.now(), MSISDN, OperatorId.of("orange"),
				CYCLE.validUntil(), attempt, CARD, Money.of(1500, "EUR"));
	}

	private static OffSessionCharge charge(AutoRenewalDue due) {
		return new OffSessionCharge(due.cycle(), due.attempt(), CARD, due.price(), due.idempotencyKey());
	}

	private static String metadata() {
		return StripeJson.metadata(MSISDN, CYCLE.validUntil(), "auto_renewal");
	}

}
