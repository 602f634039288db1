package io.keepline.reliability.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.keepline.contracts.json.EventJson;
import io.keepline.payments.StripeJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Stripe API (v1) as the stand-in models it, without HTTP. The first answer to an
 * Idempotency-Key, 500s included, is kept for 24 hours of the ledger's clock and given
 * again, nothing being done twice (the same key with other parameters is an
 * {@code idempotency_error}); a request with a new key, or none, is carried out. A charge
 * creates a PaymentIntent, succeeded or declined as the customer's card is set up to
 * answer; a refund needs a known PaymentIntent with money left on it. PaymentIntents are
 * listed by customer and events page with {@code starting_after}, newest first. During an
 * {@link #outage} every request is answered 500, saved under its key; while
 * {@link #creationsFail creations fail} only the requests that create something are,
 * lookups being answered.
 */
final class StripeLedger {

	/**
	 * An HTTP answer; {@code replayed} when it is the stored answer of an earlier
	 * request.
	 */
	record Answer(int status, String body, boolean replayed) {
	}

	/** A PaymentIntent an off-session charge created. */
	record Charge(String paymentIntentId, String idempotencyKey, Map<String, String> params, boolean succeeded) {

		String metadata(String name) {
			return this.params.get("metadata[" + name + "]");
		}

	}

	/** A refund made. */
	record Refund(String refundId, String idempotencyKey, String paymentIntentId, long amount) {
	}

	private record Stored(String path, Map<String, String> params, Answer answer, Instant at) {
	}

	private record Decline(String code, String declineCode) {
	}

	private record Intent(long amount, long refunded) {
	}

	private record Listed(String id, String customer, String json) {
	}

	private final Map<String, Stored> byKey = new HashMap<>();

	private final Map<String, Deque<Decline>> declines = new HashMap<>();

	private final Map<String, Intent> intents = new HashMap<>();

	private final List<Charge> charges = new ArrayList<>();

	private final List<Refund> refunds = new ArrayList<>();

	private final List<Listed> intentObjects = new ArrayList<>();

	private final List<Listed> events = new ArrayList<>();

	private int sequence;

	private Instant now = Instant.parse("2026-11-01T00:00:00Z");

	private boolean down;

	private boolean creationsDown;

	private long lookupErrors;

	/** Moves the ledger's clock on: keys older than 24 hours are pruned. */
	synchronized void advanceClock(Duration by) {
		this.now = this.now.plus(by);
	}

	/**
	 * While down, every request is answered 500 ({@code api_error}), saved under its key.
	 */
	synchronized void outage(boolean down) {
		this.down = down;
	}

	/**
	 * While down, every request that creates something (a PaymentIntent, a refund) is
	 * answered 500 and saved under its key, while lists and lookups are answered: Stripe
	 * failing inside its API after it saved the request's key.
	 */
	synchronized void creationsFail(boolean down) {
		this.creationsDown = down;
	}

	/** A GET: PaymentIntents (by customer) or events, a page of them newest first. */
	synchronized Answer list(String path, Map<String, String> query) {
		if (this.down) {
			this.lookupErrors++;
			return error(500, "api_error", null, "An unknown error occurred");
		}
		List<Listed> all;
		if (path.equals("/v1/payment_intents")) {
			String customer = query.get("customer");
			all = this.intentObjects.stream().filter((i) -> customer == null || customer.equals(i.customer())).toList();
		}
		else if (path.equals("/v1/events")) {
			all = this.events;
		}
		else {
			return error(404, "invalid_request_error", "resource_missing", "Unrecognized request URL: " + path);
		}
		List<Listed> newestFirst = new ArrayList<>(all);
		Collections.reverse(newestFirst);
		String after = query.get("starting_after");
		if (after != null) {
			int at = newestFirst.stream().map(Listed::id).toList().indexOf(after);
			if (at < 0) {
				return error(400, "invalid_request_error", "resource_missing", "No such object: '" + after + "'");
			}
			newestFirst = newestFirst.subList(at + 1, newestFirst.size());
		}
		int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
		ObjectNode page = EventJson.mapper().createObjectNode();
		page.put("object", "list");
		page.put("url", path);
		page.put("has_more", newestFirst.size() > limit);
		ArrayNode data = page.putArray("data");
		newestFirst.stream().limit(limit).forEach((o) -> data.add(EventJson.mapper().readTree(o.json())));
		return new Answer(200, page.toString(), false);
	}

	/** How many lists and lookups were answered 500 during an {@link #outage}. */
	synchronized long lookupErrors() {
		return this.lookupErrors;
	}

	/** The next {@code times} charges of {@code customer} are declined with this code. */
	synchronized void decline(String customer, int times, String code, String declineCode) {
		Deque<Decline> queue = this.declines.computeIfAbsent(customer, (key) -> new ArrayDeque<>());
		for (int i = 0; i < times; i++) {
			queue.add(new Decline(code, declineCode));
		}
	}

	/** A PaymentIntent paid elsewhere (through Checkout), which can be refunded. */
	synchronized void paid(String paymentIntentId, long amount) {
		this.intents.put(paymentIntentId, new Intent(amount, 0));
	}

	synchronized Answer handle(String path, String idempotencyKey, Map<String, String> params) {
		this.byKey.values().removeIf((old) -> old.at().plus(Duration.ofHours(24)).isBefore(this.now));
		Stored stored = (idempotencyKey != null) ? this.byKey.get(idempotencyKey) : null;
		if (stored != null) {
			if (!stored.path().equals(path) || !stored.params().equals(params)) {
				return error(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the "
						+ "same parameters they were first used with.");
			}
			return new Answer(stored.answer().status(), stored.answer().body(), true);
		}
		Answer answer = switch (path) {
			case "/v1/payment_intents", "/v1/refunds" ->
				(this.down || this.creationsDown) ? error(500, "api_error", null, "An unknown error occurred")
						: path.equals("/v1/refunds") ? refund(idempotencyKey, params) : charge(idempotencyKey, params);
			default -> error(404, "invalid_request_error", "resource_missing", "Unrecognized request URL: " + path);
		};
		if (idempotencyKey != null && (answer.status() == 200 || answer.status() == 402 || answer.status() >= 500)) {
			this.byKey.put(idempotencyKey, new Stored(path, Map.copyOf(params), answer, this.now));
		}
		return answer;
	}

	synchronized List<Charge> charges() {
		return List.copyOf(this.charges);
	}

	/** The charges made for the cycles of {@code numbers}. */
	synchronized List<Charge> chargesFor(Set<String> numbers) {
		return this.charges.stream().filter((c) -> numbers.contains(c.metadata("keepline_msisdn"))).toList();
	}

	synchronized List<Refund> refunds() {
		return List.copyOf(this.refunds);
	}

	private Answer charge(String key, Map<String, String> params) {
		for (String required : List.of("amount", "currency", "customer", "payment_method")) {
			if (params.get(required) == null) {
				return error(400, "invalid_request_error", "parameter_missing", "Missing required param: " + required);
			}
		}
		if (!"true".equals(params.get("confirm")) || !"true".equals(params.get("off_session"))) {
			return error(400, "invalid_request_error", "parameter_invalid", "expected a confirmed off-session charge");
		}
		long amount = Long.parseLong(params.get("amount"));
		String id = "pi_stub" + (++this.sequence);
		Decline decline = this.declines.getOrDefault(params.get("customer"), new ArrayDeque<>()).poll();
		this.charges.add(new Charge(id, key, Map.copyOf(params), decline == null));
		String customer = params.get("customer");
		if (decline == null) {
			this.intents.put(id, new Intent(amount, 0));
			String intent = withCustomer(StripeJson.paymentIntent(id, "succeeded", amount, metadata(params), "null"),
					customer);
			record(id, customer, intent, "payment_intent.succeeded");
			return new Answer(200, intent, false);
		}
		String cardError = StripeJson.cardError(decline.code(), decline.declineCode());
		String intent = withCustomer(
				StripeJson.paymentIntent(id, "requires_payment_method", amount, metadata(params), cardError), customer);
		record(id, customer, intent, "payment_intent.payment_failed");
		ObjectNode error = (ObjectNode) EventJson.mapper().readTree(cardError);
		error.set("payment_intent", EventJson.mapper().readTree(intent));
		ObjectNode body = EventJson.mapper().createObjectNode();
		body.set("error", error);
		return new Answer(402, body.toString(), false);
	}

	private Answer refund(String key, Map<String, String> params) {
		String paymentIntent = params.get("payment_intent");
		Intent intent = (paymentIntent != null) ? this.intents.get(paymentIntent) : null;
		if (intent == null) {
			return error(404, "invalid_request_error", "resource_missing", "No such payment_intent: " + paymentIntent);
		}
		long amount = params.containsKey("amount") ? Long.parseLong(params.get("amount"))
				: intent.amount() - intent.refunded();
		if (amount <= 0 || intent.refunded() + amount > intent.amount()) {
			return error(400, "invalid_request_error", "charge_already_refunded",
					"Charge for " + paymentIntent + " has already been refunded.");
		}
		this.intents.put(paymentIntent, new Intent(intent.amount(), intent.refunded() + amount));
		String id = "re_stub" + (++this.sequence);
		this.refunds.add(new Refund(id, key, paymentIntent, amount));
		return new Answer(200, """
				{"id": "%s", "object": "refund", "amount": %d, "currency": "eur", "payment_intent": "%s",
				 "reason": "duplicate", "status": "succeeded", "created": 1764000000, "metadata": {}}""".formatted(id,
				amount, paymentIntent), false);
	}

	private void record(String id, String customer, String intent, String eventType) {
		this.intentObjects.add(new Listed(id, customer, intent));
		String eventId = "evt_stub" + (this.events.size() + 1);
		this.events.add(new Listed(eventId, customer, StripeJson.event(eventId, eventType, this.now, intent)));
	}

	private static String withCustomer(String intent, String customer) {
		ObjectNode node = (ObjectNode) EventJson.mapper().readTree(intent);
		node.put("customer", customer);
		return node.toString();
	}

	private static String metadata(Map<String, String> params) {
		ObjectNode metadata = EventJson.mapper().createObjectNode();
		params.forEach((name, value) -> {
			if (name.startsWith("metadata[") && name.endsWith("]")) {
				metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
			}
		});
		return metadata.toString();
	}

	private static Answer error(int status, String type, String code, String message) {
		ObjectNode error = EventJson.mapper().createObjectNode();
		error.put("type", type);
		if (code != null) {
			error.put("code", code);
		}
		error.put("message", message);
		ObjectNode body = EventJson.mapper().createObjectNode();
		body.set("error", error);
		return new Answer(status, body.toString(), false);
	}

}
