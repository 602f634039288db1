package io.keepline.reliability.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.keepline.payments.sandbox.StripeSignature;
import io.keepline.reliability.ServiceRun;
import io.keepline.reliability.abuse.BadRequest.Target;

/**
 * The bad-input rows of payments: the holder pages, Stripe's webhook and the sandbox
 * checkout (which answers 404 for every session outside sandbox mode). Scenario B tries
 * the signed links far harder; here they get the shapes any path variable gets.
 */
final class PaymentsBadRequests {

	private static final String INVALID_LINK = "This link is not valid";

	private static final String STRIPE_EVENT = """
			{"id": "evt_abuse", "object": "event", "type": "checkout.session.completed", "created": %d,
			 "data": {"object": {"id": "cs_test_abuse", "object": "checkout.session"}}}""";

	private PaymentsBadRequests() {
	}

	static List<BadRequest> all() {
		List<BadRequest> rows = new ArrayList<>(pages());
		rows.addAll(webhook());
		rows.addAll(sandbox());
		return rows;
	}

	private static List<BadRequest> pages() {
		List<BadRequest> rows = new ArrayList<>();
		for (String page : List.of("pay", "status", "autorenew")) {
			BadRequest get = BadRequest.to(Target.PAYMENTS, "GET /" + page + "/{token}");
			rows.add(get.path("/" + page + "/garbage").named("garbage token").expect(403, INVALID_LINK));
			rows.add(get.path("/" + page + "/" + "a".repeat(600) + ".b")
				.named("token of 600 characters")
				.expect(403, INVALID_LINK));
			rows.add(get.path("/" + page + "/%C3%28.x")
				.named("invalid UTF-8 in the token")
				.expect(400, BadRequest.BEFORE_THE_SERVICE));
			rows.add(get.path("/" + page + "/a%2Fb")
				.named("encoded slash in the token")
				.expect(400, BadRequest.BEFORE_THE_SERVICE));
			rows.add(get.method("POST")
				.path("/" + page + "/garbage")
				.named("POST instead of GET")
				.expect(405, "Method Not Allowed"));
		}
		return rows;
	}

	private static List<BadRequest> webhook() {
		BadRequest post = BadRequest.to(Target.PAYMENTS, "POST /v1/stripe/webhook");
		String event = STRIPE_EVENT.formatted(Instant.now().getEpochSecond());
		String json = "application/json";
		return List.of(post.named("no Stripe-Signature header").body(json, event).expect(400, "Stripe-Signature"),
				post.named("no body")
					.header("Stripe-Signature", signed(event, ServiceRun.STRIPE_WEBHOOK_SECRET, Instant.now()))
					.expect(400, "body"),
				post.named("garbled signature")
					.header("Stripe-Signature", "t=yesterday,v1=zz")
					.body(json, event)
					.expect(400, "signature"),
				post.named("signed with another secret")
					.header("Stripe-Signature", signed(event, "whsec_someone_else", Instant.now()))
					.body(json, event)
					.expect(400, "signature"),
				post.named("signed 10 minutes ago")
					.header("Stripe-Signature",
							signed(event, ServiceRun.STRIPE_WEBHOOK_SECRET,
									Instant.now().minus(Duration.ofMinutes(10))))
					.body(json, event)
					.expect(400, "signature"),
				post.named("signed, but not JSON")
					.header("Stripe-Signature", signed("not json", ServiceRun.STRIPE_WEBHOOK_SECRET, Instant.now()))
					.body(json, "not json")
					.expect(400, "readable event"),
				post.named("signed, but wrong JSON types")
					.header("Stripe-Signature",
							signed("{\"id\": [], \"type\": {}}", ServiceRun.STRIPE_WEBHOOK_SECRET, Instant.now()))
					.body(json, "{\"id\": [], \"type\": {}}")
					.expect(400, "readable event"),
				post.named("10 MiB body")
					.header("Stripe-Signature", "t=1,v1=00")
					.body(json, () -> new byte[10 * 1024 * 1024], false)
					.expect(413, "larger than"),
				post.method("GET").named("GET instead of POST").expect(405, "Method Not Allowed"));
	}

	private static List<BadRequest> sandbox() {
		BadRequest page = BadRequest.to(Target.PAYMENTS, "GET /sandbox/checkout/{id}");
		BadRequest complete = BadRequest.to(Target.PAYMENTS, "POST /sandbox/checkout/{id}/complete");
		return List.of(page.path("/sandbox/checkout/cs_unknown").named("unknown session").expect(404, "Not Found"),
				page.path("/sandbox/checkout/" + "c".repeat(600))
					.named("id of 600 characters")
					.expect(404, "Not Found"),
				complete.path("/sandbox/checkout/cs_unknown/complete")
					.named("unknown session")
					.expect(404, "Not Found"),
				complete.method("GET")
					.path("/sandbox/checkout/cs_unknown/complete")
					.named("GET instead of POST")
					.expect(405, "Method Not Allowed"));
	}

	private static String signed(String payload, String secret, Instant at) {
		return StripeSignature.header(secret, at, payload);
	}

}
