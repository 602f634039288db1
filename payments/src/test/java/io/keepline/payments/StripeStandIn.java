package io.keepline.payments;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in for the Stripe API that keeps Stripe's idempotency: a request whose
 * Idempotency-Key it has seen gets the stored answer and creates nothing; a new key
 * creates a Checkout Session or a (succeeded) PaymentIntent. {@link #forgetKeys()} prunes
 * the keys as Stripe does after 24 hours. It also answers a SetupIntent that saved a card
 * and detaches payment methods ({@link #detached()}).
 */
final class StripeStandIn implements AutoCloseable {

	/** A Checkout Session or PaymentIntent created, with the form parameters sent. */
	record Created(String id, String path, Map<String, String> params) {

		String msisdn() {
			return this.params.get("metadata[keepline_msisdn]");
		}

	}

	private final Map<String, String> answers = new HashMap<>();

	private final List<Created> created = new ArrayList<>();

	private final List<String> detached = new ArrayList<>();

	private final WireMockServer server;

	StripeStandIn() {
		this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Api()));
		this.server.start();
		this.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
	}

	String baseUrl() {
		return this.server.baseUrl();
	}

	/** Forgets every idempotency key, as Stripe does after 24 hours. */
	synchronized void forgetKeys() {
		this.answers.clear();
	}

	synchronized List<Created> paymentIntents() {
		return this.created.stream().filter((c) -> c.path().equals("/v1/payment_intents")).toList();
	}

	synchronized List<Created> checkoutSessions() {
		return this.created.stream().filter((c) -> c.path().equals("/v1/checkout/sessions")).toList();
	}

	/** The ids of the payment methods detached so far, in order. */
	synchronized List<String> detached() {
		return List.copyOf(this.detached);
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private synchronized ResponseDefinition answer(Request request) {
		String path = URI.create(request.getUrl()).getPath();
		String key = request.getHeader("Idempotency-Key");
		if (key != null && this.answers.containsKey(key)) {
			return json(this.answers.get(key)).withHeader("Idempotent-Replayed", "true").build();
		}
		if (path.startsWith("/v1/setup_intents/")) {
			return json(setupIntent(path.substring("/v1/setup_intents/".length()))).build();
		}
		if (path.startsWith("/v1/payment_methods/") && path.endsWith("/detach")) {
			return detach(path.substring("/v1/payment_methods/".length(), path.length() - "/detach".length()));
		}
		Map<String, String> params = form(request.getBodyAsString());
		String id = "_stand_in_" + (this.created.size() + 1);
		String metadata = metadata(params);
		String body;
		if (path.equals("/v1/payment_intents")) {
			body = StripeJson.paymentIntent("pi" + id, "succeeded", Long.parseLong(params.get("amount")), metadata,
					"null");
		}
		else if (path.equals("/v1/checkout/sessions")) {
			body = """
					{"id": "cs%1$s", "object": "checkout.session", "mode": "payment", "status": "open",
					 "url": "https://checkout.stripe.com/c/pay/cs%1$s", "metadata": %2$s}""".formatted(id, metadata);
		}
		else {
			return aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Unrecognized request URL\"}}")
				.build();
		}
		this.created.add(new Created(id, path, params));
		if (key != null) {
			this.answers.put(key, body);
		}
		return json(body).build();
	}

	/**
	 * A succeeded SetupIntent {@code seti_x} that saved card {@code pm_x} for customer
	 * {@code cus_x}, its payment method expanded.
	 */
	private static String setupIntent(String id) {
		String suffix = id.startsWith("seti_") ? id.substring("seti_".length()) : id;
		return """
				{"id": "%1$s", "object": "setup_intent", "status": "succeeded", "customer": "cus_%2$s",
				 "usage": "off_session",
				 "payment_method": {"id": "pm_%2$s", "object": "payment_method", "type": "card", "customer": "cus_%2$s",
				   "card": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030, "country": "BE"}}}"""
			.formatted(id, suffix);
	}

	/**
	 * Detaches a payment method once; detaching it again is Stripe's 400 "not attached".
	 */
	private ResponseDefinition detach(String id) {
		if (this.detached.contains(id)) {
			return aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"""
								{"error": {"type": "invalid_request_error", "code": "payment_method_unexpected_state",
								 "message": "The payment method you provided is not attached to a customer so detachment is impossible."}}""")
				.build();
		}
		this.detached.add(id);
		return json("""
				{"id": "%s", "object": "payment_method", "type": "card", "customer": null,
				 "card": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030}}""".formatted(id))
			.build();
	}

	private static ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static String metadata(Map<String, String> params) {
		StringBuilder json = new StringBuilder("{");
		params.forEach((name, value) -> {
			if (name.startsWith("metadata[") && name.endsWith("]")) {
				json.append((json.length() > 1) ? ", " : "")
					.append('"')
					.append(name, "metadata[".length(), name.length() - 1)
					.append("\": \"")
					.append(value)
					.append('"');
			}
		});
		return json.append('}').toString();
	}

	private static Map<String, String> form(String body) {
		Map<String, String> params = new TreeMap<>();
		if (body == null || body.isEmpty()) {
			return params;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			params.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return params;
	}

	private final class Api implements ResponseDefinitionTransformerV2 {

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			return answer(serveEvent.getRequest());
		}

		@Override
		public String getName() {
			return "stripe-stand-in";
		}

	}

}
