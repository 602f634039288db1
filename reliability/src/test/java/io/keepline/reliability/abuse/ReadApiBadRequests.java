package io.keepline.reliability.abuse;

import java.util.ArrayList;
import java.util.List;

import io.keepline.reliability.abuse.BadRequest.Target;
import io.keepline.testsupport.Unique;

/**
 * The bad-input rows of the scheduler's read API (keys and operators included: another
 * operator's key on a line gets 403), of the notifier (which maps nothing on its public
 * port) and of every service's public port asked for the health endpoint, which is only
 * on the management port.
 */
final class ReadApiBadRequests {

	/** Stands for the msisdn of the line registered before the barrage. */
	static final String LINE = "{line}";

	static final String PROXIMUS = "Bearer reliability-proximus-key";

	private ReadApiBadRequests() {
	}

	static List<BadRequest> all() {
		List<BadRequest> rows = new ArrayList<>(scheduler());
		rows.addAll(notifier());
		for (Target service : Target.values()) {
			BadRequest health = BadRequest.to(service, "GET /actuator/health");
			rows.add(health.named("actuator on the public port").expect(404, "Not Found"));
		}
		return rows;
	}

	private static List<BadRequest> scheduler() {
		BadRequest get = BadRequest.to(Target.SCHEDULER, "GET /v1/lines/{msisdn}")
			.path("/v1/lines/" + LINE)
			.header("Authorization", IngestBadRequests.ORANGE);
		BadRequest anonymous = BadRequest.to(Target.SCHEDULER, "GET /v1/lines/{msisdn}").path("/v1/lines/" + LINE);
		return List.of(anonymous.named("no Authorization header").expect(401, "operator key"),
				anonymous.header("Authorization", "Bearer not-a-key").named("unknown key").expect(401, "operator key"),
				anonymous.header("Authorization", "Basic cmVsaWFiaWxpdHk6b3Jhbmdl")
					.named("Basic instead of Bearer")
					.expect(401, "operator key"),
				anonymous.header("Authorization", "Bearer " + "k".repeat(6000))
					.named("key of 6,000 characters")
					.expect(401, "operator key"),
				anonymous.header("Authorization", PROXIMUS)
					.named("another operator's key")
					.expect(403, "another operator"),
				get.path("/v1/lines/" + Unique.msisdn().value()).named("unknown line").expect(404, "unknown line"),
				get.path("/v1/lines/abc").named("not a number").expect(400, "not_e164"),
				get.path("/v1/lines/0471000501").named("national form").expect(400, "not_e164"),
				get.path("/v1/lines/+3299").named("too short").expect(400, "not_e164"),
				get.path("/v1/lines/+999123456789").named("no such country").expect(400, "invalid_msisdn"),
				get.path("/v1/lines/+" + "4".repeat(2000)).named("2,000 digits").expect(400, "not_e164"),
				get.path("/v1/lines/%C3%28")
					.named("invalid UTF-8 in the path")
					.expect(400, BadRequest.BEFORE_THE_SERVICE),
				get.path("/v1/lines/%00").named("NUL byte in the path").expect(400, BadRequest.BEFORE_THE_SERVICE),
				get.path("/v1/lines/..%2Factuator%2Fhealth")
					.named("encoded slash in the path")
					.expect(400, BadRequest.BEFORE_THE_SERVICE),
				get.path("/v1/lines/").named("no msisdn").expect(404, "Not Found"),
				get.method("POST").named("POST instead of GET").expect(405, "Method Not Allowed"),
				get.method("DELETE").named("DELETE instead of GET").expect(405, "Method Not Allowed"));
	}

	private static List<BadRequest> notifier() {
		BadRequest unmapped = BadRequest.to(Target.NOTIFIER, "(unmapped) /v1/notifications");
		return List.of(
				unmapped.method("GET")
					.path("/v1/notifications")
					.named("GET of an unmapped path")
					.expect(404, "Not Found"),
				unmapped.method("POST")
					.path("/v1/notifications")
					.named("JSON to an unmapped path")
					.body("application/json", "{\"to\": \"" + IngestBadRequests.EMAIL + "\"}")
					.expect(404, "Not Found"),
				unmapped.method("GET")
					.path("/" + "n".repeat(10_000))
					.named("path of 10,000 characters")
					.expect(400, BadRequest.BEFORE_THE_SERVICE));
	}

}
