package io.keepline.payments;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in for the Stripe API that keeps Stripe's idempotency: a request whose
 * Idempotency-Key it has seen gets the stored answer and creates nothing; a new key
 * creates a Checkout Session, a (succeeded) PaymentIntent or a (succeeded) Refund.
 * {@link #forgetKeys()} prunes the keys as Stripe does after 24 hours. Customers that a
 * test {@link #addCustomer adds} can be deleted once ({@code DELETE /v1/customers/{id}});
 * an unknown or deleted one is Stripe's 404 {@code resource_missing}.
 */
final class StripeStandIn implements AutoCloseable {

	private static final String CUSTOMERS = "/v1/customers/";

	/** A Checkout Session or PaymentIntent created, with the form parameters sent. */
	record Created(String id, String path, Map<String, String> params) {

		String msisdn() {
			return this.params.get("metadata[keepline_msisdn]");
		}

	}

	private final Map<String, String> answers = new HashMap<>();

	private final List<Created> created = new ArrayList<>();

	private final Set<String> customers = new HashSet<>();

	private final List<String> deletedCustomers = new ArrayList<>();

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

	synchronized List<Created> refunds() {
		return this.created.stream().filter((c) -> c.path().equals("/v1/refunds")).toList();
	}

	/** A Customer, as a Checkout Session in setup mode creates one. */
	synchronized void addCustomer(String id) {
		this.customers.add(id);
	}

	synchronized boolean hasCustomer(String id) {
		return this.customers.contains(id);
	}

	/** The customers deleted, in order. */
	synchronized List<String> deletedCustomers() {
		return List.copyOf(this.deletedCustomers);
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private synchronized ResponseDefinition answer(Request request) {
		String path = URI.create(request.getUrl()).getPath();
		if (path.startsWith(CUSTOMERS) && RequestMethod.DELETE.equals(request.getMethod())) {
			return deleteCustomer(path.substring(CUSTOMERS.length()));
		}
		String key = request.getHeader("Idempotency-Key");
		if (key != null && this.answers.containsKey(key)) {
			return json(this.answers.get(key)).withHeader("Idempotent-Replayed", "true").build();
		}
		Map<String, String> params = form(request.getBodyAsString());
		String id = "_stand_in_" + (this.created.size() + 1);
		String metadata = metadata(params);
		String body;
		if (path.equals("/v1/payment_intents")) {
			body = StripeJson.paymentIntent("pi" + id, "succeeded", Long.parseLong(params.get("amount")), metadata,
					"null");
		}
		else if (path.equals("/v1/refunds")) {
			body = """
					{"id": "re%s", "object": "refund", "amount": %s, "currency": "eur", "payment_intent": "%s",
					 "status": "succeeded", "metadata": %s}""".formatted(id, params.get("amount"),
					params.get("payment_intent"), metadata);
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

	private ResponseDefinition deleteCustomer(String id) {
		if (!this.customers.remove(id)) {
			return aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"type": "invalid_request_error", "code": "resource_missing",
					 "message": "No such customer: '%s'", "param": "id"}}""".formatted(id)).build();
		}
		this.deletedCustomers.add(id);
		return json("""
				{"id": "%s", "object": "customer", "deleted": true}""".formatted(id)).build();
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
