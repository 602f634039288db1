package io.keepline.payments;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

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
 * A local stand-in for the Stripe API (v1) that keeps Stripe's idempotency: the first
 * answer to an Idempotency-Key, 500s included, is saved for 24 hours of the stand-in's
 * clock and replayed; the same key with other parameters is an {@code idempotency_error}
 * (400). A new key creates a Checkout Session, a (succeeded) PaymentIntent or a refund.
 * PaymentIntents are listed by customer, refunds by PaymentIntent, and the Events API
 * pages with {@code starting_after}, newest first, over 30 days of its clock
 * ({@code created[gt]}, {@code created[lte]}). {@link #outage} and {@link #loseAnswers}
 * make it fail as Stripe does. Customers that a test {@link #addCustomer adds} can be
 * deleted once ({@code DELETE /v1/customers/{id}}); an unknown or deleted one is Stripe's
 * 404 {@code resource_missing}. It also answers a SetupIntent that saved a card and
 * detaches payment methods ({@link #detached()}). A PaymentIntent charged to a method a
 * test declared a {@link #sepaDebit SEPA debit} stays {@code processing} until the test
 * {@link #settle settles} it, succeeded or failed, with the event Stripe sends then.
 */
final class StripeStandIn implements AutoCloseable {

	private static final String CUSTOMERS = "/v1/customers/";

	/** How long Stripe keeps events listable. */
	private static final Duration EVENT_RETENTION = Duration.ofDays(30);

	/**
	 * A Checkout Session, PaymentIntent or refund created, with the form parameters sent.
	 */
	record Created(String id, String path, Map<String, String> params) {

		String msisdn() {
			return this.params.get("metadata[keepline_msisdn]");
		}

	}

	/**
	 * An Events API request: the API key that made it and its query parameters
	 * ({@code created[gt]}, {@code starting_after}, ...).
	 */
	record EventQuery(String apiKey, Map<String, String> params) {

		Instant after() {
			return Instant.ofEpochSecond(Long.parseLong(this.params.get("created[gt]")));
		}

		Instant until() {
			return Instant.ofEpochSecond(Long.parseLong(this.params.get("created[lte]")));
		}

	}

	private record Saved(String path, Map<String, String> params, int status, String body, Instant at) {
	}

	private record Answer(int status, String body) {
	}

	private final Map<String, Saved> answers = new HashMap<>();

	private final List<Created> created = new ArrayList<>();

	private final Map<String, String> intents = new LinkedHashMap<>();

	private final List<String> refunds = new ArrayList<>();

	private final List<String> events = new ArrayList<>();

	private final List<EventQuery> eventQueries = new ArrayList<>();

	private final Set<String> customers = new HashSet<>();

	private final List<String> deletedCustomers = new ArrayList<>();

	private final List<String> detached = new ArrayList<>();

	private final Set<String> sepaDebits = new HashSet<>();

	private final WireMockServer server;

	private Instant now = Instant.parse("2026-11-01T00:00:00Z");

	private boolean down;

	private boolean creationsDown;

	private int answersToLose;

	private int serverErrors;

	private int replayedServerErrors;

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

	/** Moves the stand-in's clock on: keys older than 24 hours are pruned. */
	synchronized void advanceClock(Duration by) {
		this.now = this.now.plus(by);
	}

	/** Sets the stand-in's clock: what it creates from now on carries this time. */
	synchronized void clockAt(Instant instant) {
		this.now = instant;
	}

	/**
	 * A Checkout Session paid now for {@code metadata}'s cycle: Stripe's event
	 * {@code checkout.session.completed}, listed by the Events API (no webhook is sent);
	 * returns the event as a webhook would carry it.
	 */
	synchronized String checkoutCompleted(long amount, String metadata) {
		String id = "_stand_in_paid_" + (this.events.size() + 1);
		event("checkout.session.completed", StripeJson.checkoutSession("cs" + id, "pi" + id, amount, metadata));
		return this.events.get(this.events.size() - 1);
	}

	/** Every Events API request, in order. */
	synchronized List<EventQuery> eventQueries() {
		return List.copyOf(this.eventQueries);
	}

	/**
	 * While down, every request is answered 500 ({@code api_error}); a request with an
	 * idempotency key has its 500 saved under the key, as Stripe saves it.
	 */
	synchronized void outage(boolean down) {
		this.down = down;
	}

	/**
	 * While down, every request that creates something is answered 500 and saved under
	 * its key, while reads (lists, lookups) are answered: Stripe failing inside the API
	 * after it saved the request's key.
	 */
	synchronized void creationsFail(boolean down) {
		this.creationsDown = down;
	}

	/**
	 * The next {@code count} creations are carried out, then answered 500 (saved under
	 * their keys): the client never learns that they happened.
	 */
	synchronized void loseAnswers(int count) {
		this.answersToLose = count;
	}

	/** How many 5xx answers were given, replays included. */
	synchronized int serverErrors() {
		return this.serverErrors;
	}

	/** How many of those were a 500 saved under its key and given again. */
	synchronized int replayedServerErrors() {
		return this.replayedServerErrors;
	}

	/** A PaymentIntent paid elsewhere (through Checkout), which can be refunded. */
	synchronized void paid(String paymentIntentId, long amount, String metadata) {
		this.intents.put(paymentIntentId,
				StripeJson.paymentIntent(paymentIntentId, "succeeded", amount, metadata, "null"));
	}

	/**
	 * Declares {@code paymentMethodId} a SEPA debit: a PaymentIntent charged to it is
	 * answered {@code processing} ({@code payment_intent.processing}) and settles only
	 * when {@link #settle} is called.
	 */
	synchronized void sepaDebit(String paymentMethodId) {
		this.sepaDebits.add(paymentMethodId);
	}

	/**
	 * Settles a processing PaymentIntent as the bank answered: {@code succeeded}
	 * ({@code payment_intent.succeeded}) or failed, back to
	 * {@code requires_payment_method} with its {@code last_payment_error}
	 * ({@code payment_intent.payment_failed}); the event is listed by the Events API and
	 * returned as a webhook would carry it.
	 * @throws IllegalStateException if the PaymentIntent is not processing
	 */
	synchronized String settle(String paymentIntentId, boolean paid) {
		String intent = this.intents.get(paymentIntentId);
		if (intent == null || !intent.contains("\"status\": \"processing\"")) {
			throw new IllegalStateException(paymentIntentId + " is not processing");
		}
		String settled = paid
				? intent.replace("\"status\": \"processing\"", "\"status\": \"succeeded\"")
					.replace("\"amount_received\": 0", "\"amount_received\": " + amount(intent))
				: intent.replace("\"status\": \"processing\"", "\"status\": \"requires_payment_method\"")
					.replace("\"last_payment_error\": null",
							"\"last_payment_error\": " + StripeJson.cardError("insufficient_funds", null));
		this.intents.put(paymentIntentId, settled);
		event(paid ? "payment_intent.succeeded" : "payment_intent.payment_failed", settled);
		return this.events.get(this.events.size() - 1);
	}

	private static long amount(String intent) {
		int at = intent.indexOf("\"amount\": ") + "\"amount\": ".length();
		int end = at;
		while (Character.isDigit(intent.charAt(end))) {
			end++;
		}
		return Long.parseLong(intent.substring(at, end));
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

	/** The ids of the payment methods detached so far, in order. */
	synchronized List<String> detached() {
		return List.copyOf(this.detached);
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private synchronized ResponseDefinition answer(Request request) {
		URI url = URI.create(request.getUrl());
		String path = url.getPath();
		this.answers.values().removeIf((saved) -> saved.at().plus(Duration.ofHours(24)).isBefore(this.now));
		if (path.startsWith("/v1/setup_intents/")) {
			return respond(this.down ? serverError()
					: new Answer(200, setupIntent(path.substring("/v1/setup_intents/".length()))))
				.build();
		}
		if (path.startsWith("/v1/payment_methods/") && path.endsWith("/detach")) {
			return respond(this.down ? serverError()
					: detach(path.substring("/v1/payment_methods/".length(), path.length() - "/detach".length())))
				.build();
		}
		if (RequestMethod.GET.equals(request.getMethod())) {
			return respond(this.down ? serverError() : list(path, form(url.getRawQuery()), apiKey(request))).build();
		}
		if (path.startsWith(CUSTOMERS) && RequestMethod.DELETE.equals(request.getMethod())) {
			return respond(this.down ? serverError() : deleteCustomer(path.substring(CUSTOMERS.length()))).build();
		}
		String key = request.getHeader("Idempotency-Key");
		Map<String, String> params = form(request.getBodyAsString());
		Saved saved = (key != null) ? this.answers.get(key) : null;
		if (saved != null) {
			if (!saved.path().equals(path) || !saved.params().equals(params)) {
				return respond(error(400, "idempotency_error", null,
						"Keys for idempotent requests can only be used "
								+ "with the same parameters they were first used with. Try using a key other than '"
								+ key + "' if you meant to execute a different request."))
					.build();
			}
			if (saved.status() >= 500) {
				this.serverErrors++;
				this.replayedServerErrors++;
			}
			return respond(new Answer(saved.status(), saved.body())).withHeader("Idempotent-Replayed", "true").build();
		}
		Answer answer;
		if (this.down || this.creationsDown) {
			answer = serverError();
		}
		else {
			answer = create(path, params);
			if (answer.status() == 200 && this.answersToLose > 0) {
				this.answersToLose--;
				answer = serverError();
			}
		}
		if (key != null && answer.status() != 404) {
			this.answers.put(key, new Saved(path, Map.copyOf(params), answer.status(), answer.body(), this.now));
		}
		return respond(answer).build();
	}

	private Answer create(String path, Map<String, String> params) {
		String id = "_stand_in_" + (this.created.size() + 1);
		String metadata = metadata(params);
		String body;
		if (path.equals("/v1/payment_intents")) {
			boolean debit = this.sepaDebits.contains(params.get("payment_method"));
			body = StripeJson
				.paymentIntent("pi" + id, debit ? "processing" : "succeeded", Long.parseLong(params.get("amount")),
						metadata, "null")
				.replace("\"cus_T1\"", "\"" + params.getOrDefault("customer", "cus_T1") + "\"");
			if (debit) {
				body = body
					.replace("\"payment_method\": \"pm_1\"",
							"\"payment_method\": \"" + params.get("payment_method") + "\"")
					.replace("[\"card\"]", "[\"sepa_debit\"]");
			}
			this.intents.put("pi" + id, body);
			event(debit ? "payment_intent.processing" : "payment_intent.succeeded", body);
		}
		else if (path.equals("/v1/checkout/sessions")) {
			body = """
					{"id": "cs%1$s", "object": "checkout.session", "mode": "payment", "status": "open",
					 "url": "https://checkout.stripe.com/c/pay/cs%1$s", "metadata": %2$s}""".formatted(id, metadata);
		}
		else if (path.equals("/v1/refunds")) {
			String intent = params.get("payment_intent");
			if (!this.intents.containsKey(intent)) {
				return error(400, "invalid_request_error", "resource_missing",
						"No such payment_intent: '" + intent + "'");
			}
			if (this.refunds.stream().anyMatch((r) -> r.contains("\"payment_intent\": \"" + intent + "\""))) {
				return error(400, "invalid_request_error", "charge_already_refunded",
						"Charge for " + intent + " has already been refunded.");
			}
			body = """
					{"id": "re%s", "object": "refund", "amount": %s, "currency": "eur", "payment_intent": "%s",
					 "reason": %s, "status": "succeeded", "created": %d, "metadata": %s}""".formatted(id,
					params.get("amount"), intent,
					(params.get("reason") != null) ? "\"" + params.get("reason") + "\"" : "null",
					this.now.getEpochSecond(), metadata);
			this.refunds.add(body);
		}
		else {
			return error(404, "invalid_request_error", null, "Unrecognized request URL (POST: " + path + ")");
		}
		this.created.add(new Created(id, path, params));
		return new Answer(200, body);
	}

	private void event(String type, String object) {
		this.events.add(StripeJson.event("evt_stand_in_" + (this.events.size() + 1), type, this.now, object));
	}

	private static String apiKey(Request request) {
		String authorization = request.getHeader("Authorization");
		return (authorization != null) ? authorization.replaceFirst("^Bearer ", "") : null;
	}

	private Answer list(String path, Map<String, String> query, String apiKey) {
		List<String> all;
		Predicate<String> match;
		if (path.equals("/v1/payment_intents")) {
			all = new ArrayList<>(this.intents.values());
			String customer = query.get("customer");
			match = (pi) -> customer == null || pi.contains("\"customer\": \"" + customer + "\"");
		}
		else if (path.equals("/v1/refunds")) {
			all = new ArrayList<>(this.refunds);
			String intent = query.get("payment_intent");
			match = (re) -> intent == null || re.contains("\"payment_intent\": \"" + intent + "\"");
		}
		else if (path.equals("/v1/events")) {
			all = new ArrayList<>(this.events);
			List<String> types = query.entrySet()
				.stream()
				.filter((e) -> e.getKey().equals("type") || e.getKey().startsWith("types["))
				.map(Map.Entry::getValue)
				.toList();
			long after = Math.max(Long.parseLong(query.getOrDefault("created[gt]", "-1")),
					this.now.minus(EVENT_RETENTION).getEpochSecond() - 1);
			long until = Long.parseLong(query.getOrDefault("created[lte]", Long.toString(Long.MAX_VALUE)));
			this.eventQueries.add(new EventQuery(apiKey, Map.copyOf(query)));
			match = (
					evt) -> (types.isEmpty() || types.stream().anyMatch((t) -> evt.contains("\"type\": \"" + t + "\"")))
							&& created(evt) > after && created(evt) <= until;
		}
		else {
			return error(404, "invalid_request_error", null, "Unrecognized request URL (GET: " + path + ")");
		}
		List<String> newestFirst = new ArrayList<>(all.stream().filter(match).toList());
		Collections.reverse(newestFirst);
		String startingAfter = query.get("starting_after");
		if (startingAfter != null) {
			int at = indexOf(newestFirst, startingAfter);
			if (at < 0) {
				return error(400, "invalid_request_error", "resource_missing",
						"No such object: '" + startingAfter + "'");
			}
			newestFirst = newestFirst.subList(at + 1, newestFirst.size());
		}
		int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
		if (limit < 1 || limit > 100) {
			return error(400, "invalid_request_error", "parameter_invalid_integer",
					"This value must be between 1 and 100.");
		}
		List<String> page = newestFirst.subList(0, Math.min(limit, newestFirst.size()));
		return new Answer(200, """
				{"object": "list", "url": "%s", "has_more": %s, "data": [%s]}""".formatted(path,
				newestFirst.size() > limit, String.join(",", page)));
	}

	private static int indexOf(List<String> objects, String id) {
		for (int i = 0; i < objects.size(); i++) {
			if (objects.get(i).contains("\"id\": \"" + id + "\"")) {
				return i;
			}
		}
		return -1;
	}

	private static long created(String event) {
		int at = event.indexOf("\"created\": ") + "\"created\": ".length();
		int end = at;
		while (Character.isDigit(event.charAt(end))) {
			end++;
		}
		return Long.parseLong(event.substring(at, end));
	}

	private Answer deleteCustomer(String id) {
		if (!this.customers.remove(id)) {
			return new Answer(404, """
					{"error": {"type": "invalid_request_error", "code": "resource_missing",
					 "message": "No such customer: '%s'", "param": "id"}}""".formatted(id));
		}
		this.deletedCustomers.add(id);
		return new Answer(200, """
				{"id": "%s", "object": "customer", "deleted": true}""".formatted(id));
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
	private Answer detach(String id) {
		if (this.detached.contains(id)) {
			return error(400, "invalid_request_error", "payment_method_unexpected_state",
					"The payment method you provided is not attached to a customer so detachment is impossible.");
		}
		this.detached.add(id);
		return new Answer(200, """
				{"id": "%s", "object": "payment_method", "type": "card", "customer": null,
				 "card": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030}}""".formatted(id));
	}

	private Answer serverError() {
		this.serverErrors++;
		return error(500, "api_error", null, "An unknown error occurred");
	}

	private static Answer error(int status, String type, String code, String message) {
		String codeField = (code != null) ? "\"code\": \"" + code + "\", " : "";
		return new Answer(status, "{\"error\": {" + codeField + "\"type\": \"" + type + "\", \"message\": \""
				+ message.replace("\"", "\\\"") + "\"}}");
	}

	private ResponseDefinitionBuilder respond(Answer answer) {
		return aResponse().withStatus(answer.status())
			.withHeader("Content-Type", "application/json")
			.withHeader("Request-Id", "req_stand_in_" + this.created.size())
			.withBody(answer.body());
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
