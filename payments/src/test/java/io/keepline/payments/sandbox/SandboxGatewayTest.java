package io.keepline.payments.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import io.keepline.contracts.CycleId;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.support.links.LinkSettings;
import io.keepline.payments.gateway.CheckoutRequest;
import io.keepline.payments.gateway.HostedSession;
import io.keepline.payments.gateway.SetupRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline sandbox completes a checkout with a Stripe-format event that Stripe's own
 * verification accepts.
 */
class SandboxGatewayTest {

	static final String SECRET = "whsec_demo";

	static final Instant NOW = Instant.parse("2026-12-20T10:00:00Z");

	private WireMockServer keepline;

	private SandboxGateway sandbox;

	@BeforeEach
	void start() {
		this.keepline = new WireMockServer(options().dynamicPort());
		this.keepline.start();
		this.keepline.stubFor(post(urlEqualTo("/v1/stripe/webhook")).willReturn(ok()));
		this.sandbox = new SandboxGateway(
				new LinkSettings("sandbox-link-secret-0123456789abcdef", URI.create(this.keepline.baseUrl())), SECRET,
				Clock.fixed(NOW, ZoneOffset.UTC), HttpClient.newHttpClient());
	}

	@AfterEach
	void stop() {
		this.keepline.stop();
	}

	@Test
	void payingPostsACheckoutCompletionSignedLikeStripeToTheWebhook() throws Exception {
		CycleId cycle = new CycleId(Msisdn.of("+32470123456"), LocalDate.parse("2026-12-31"));
		HostedSession hosted = this.sandbox.createCheckoutSession(new CheckoutRequest(cycle, Money.of(1500, "EUR"),
				HolderLocale.FR, "http://pages/status/t?checkout=success", "http://pages/status/t?checkout=cancelled",
				"checkout:k:1"));

		String next = this.sandbox.complete(this.sandbox.session(hosted.id()).orElseThrow());

		assertThat(next).isEqualTo("http://pages/status/t?checkout=success");
		assertThat(hosted.url()).startsWith(this.keepline.baseUrl() + "/sandbox/checkout/");
		LoggedRequest request = this.keepline.findAll(postRequestedFor(urlEqualTo("/v1/stripe/webhook"))).get(0);
		Event event = Webhook.constructEvent(request.getBodyAsString(), request.getHeader("Stripe-Signature"), SECRET,
				300, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(event.getType()).isEqualTo("checkout.session.completed");
		Session session = (Session) event.getDataObjectDeserializer().deserializeUnsafe();
		assertThat(session.getPaymentStatus()).isEqualTo("paid");
		assertThat(session.getAmountTotal()).isEqualTo(1500L);
		assertThat(session.getPaymentIntent()).startsWith("pi_sandbox_");
		assertThat(session.getMetadata()).containsEntry("keepline_msisdn", "+32470123456")
			.containsEntry("keepline_valid_until", "2026-12-31");
	}

	@Test
	void aLineInAnotherCurrencySavesACardInItsCurrencyForItsRegistration() throws Exception {
		CycleId cycle = new CycleId(Msisdn.of("+32470123456"), LocalDate.parse("2026-12-31"));
		Instant registeredAt = Instant.parse("2026-01-01T00:00:00Z");
		HostedSession hosted = this.sandbox.createSetupSession(new SetupRequest(cycle, HolderLocale.EN, null,
				Currency.getInstance("USD"), registeredAt, "http://ok", "http://ko", "setup:k:1"));

		this.sandbox.complete(this.sandbox.session(hosted.id()).orElseThrow());

		LoggedRequest request = this.keepline.findAll(postRequestedFor(urlEqualTo("/v1/stripe/webhook"))).get(0);
		Session session = (Session) Webhook
			.constructEvent(request.getBodyAsString(), request.getHeader("Stripe-Signature"), SECRET, 300,
					Clock.fixed(NOW, ZoneOffset.UTC))
			.getDataObjectDeserializer()
			.deserializeUnsafe();
		assertThat(session.getMode()).isEqualTo("setup");
		assertThat(session.getCurrency()).isEqualTo("usd");
		assertThat(session.getPaymentMethodTypes()).containsExactly("card");
		assertThat(session.getMetadata()).containsEntry("keepline_registered_at", registeredAt.toString());
	}

	@Test
	void theSameIdempotencyKeyReusesTheSession() {
		CycleId cycle = new CycleId(Msisdn.of("+32470123456"), LocalDate.parse("2026-12-31"));
		CheckoutRequest request = new CheckoutRequest(cycle, Money.of(1500, "EUR"), HolderLocale.EN, "http://ok",
				"http://ko", "checkout:k:2");

		assertThat(this.sandbox.createCheckoutSession(request)).isEqualTo(this.sandbox.createCheckoutSession(request));
	}

}
