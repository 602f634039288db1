package io.keepline.payments.sandbox;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.stripe.Stripe;
import io.keepline.contracts.json.EventJson;
import io.keepline.payments.gateway.PaymentMethodTypes;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds Stripe-format event JSON (the shape of the API version stripe-java pins) for
 * what happens in the sandbox checkout.
 */
final class SandboxEvents {

	private SandboxEvents() {
	}

	static String checkoutCompleted(String eventId, Instant at, SandboxSession session, String paymentIntentId,
			String setupIntentId, Map<String, String> metadata) {
		ObjectNode object = EventJson.mapper().createObjectNode();
		object.put("id", session.id());
		object.put("object", "checkout.session");
		object.put("mode", session.setup() ? "setup" : "payment");
		object.put("status", "complete");
		object.put("payment_status", session.setup() ? "no_payment_required" : "paid");
		if (session.setup()) {
			object.putNull("amount_total");
		}
		else {
			object.put("amount_total", session.amount().amountCents());
			object.put("amount_subtotal", session.amount().amountCents());
		}
		object.put("currency", session.currency().getCurrencyCode().toLowerCase(Locale.ROOT));
		object.put("client_reference_id", session.cycle().asString());
		object.put("created", at.getEpochSecond());
		object.put("expires_at", at.getEpochSecond() + 86_400);
		object.put("livemode", false);
		object.put("locale", session.locale().code());
		object.put("payment_intent", paymentIntentId);
		object.put("setup_intent", setupIntentId);
		PaymentMethodTypes.forCurrency(session.currency()).forEach(object.putArray("payment_method_types")::add);
		object.put("success_url", session.successUrl());
		object.put("cancel_url", session.cancelUrl());
		object.putNull("url");
		ObjectNode meta = object.putObject("metadata");
		metadata.forEach(meta::put);
		return event(eventId, at, "checkout.session.completed", object);
	}

	private static String event(String eventId, Instant at, String type, ObjectNode object) {
		ObjectNode event = EventJson.mapper().createObjectNode();
		event.put("id", eventId);
		event.put("object", "event");
		event.put("api_version", Stripe.API_VERSION);
		event.put("created", at.getEpochSecond());
		event.putObject("data").set("object", object);
		event.put("livemode", false);
		event.put("pending_webhooks", 1);
		ObjectNode request = event.putObject("request");
		request.putNull("id");
		request.putNull("idempotency_key");
		event.put("type", type);
		return EventJson.mapper().writeValueAsString(event);
	}

}
