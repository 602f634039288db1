package io.keepline.reliability.abuse;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.keepline.contracts.json.EventJson;
import io.keepline.reliability.abuse.BadRequest.Target;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bad-input rows of ingest's batch endpoint. A request ingest cannot read as a whole
 * gets a 4xx problem detail; a readable batch whose items break the wire format gets 200
 * with every item rejected, naming field and reason (design.md §4: a bad item never sinks
 * the good ones), which is what the rows expect.
 */
final class IngestBadRequests {

	static final String MSISDN = "+32471000501";

	static final String EMAIL = "zoe.vandermeulen@example.com";

	static final String SURNAME = "Vandermeulen";

	static final String NAME = "Zoë " + SURNAME;

	static final String ORANGE = "Bearer reliability-orange-key";

	static final String JSON = "application/json";

	private IngestBadRequests() {
	}

	static List<BadRequest> all() {
		BadRequest post = BadRequest.to(Target.INGEST, "POST /v1/line-events").header("Authorization", ORANGE);
		String good = "[" + item((item) -> {
		}) + "]";
		return List.of(
				post.named("malformed JSON")
					.body(JSON, "[{\"type\": \"LineRegistered\",")
					.expect(400, "not valid JSON"),
				post.named("a name where JSON needs a value")
					.body(JSON, "[{\"holder\": {\"name\": " + SURNAME + "}}]")
					.expect(400, "not valid JSON"),
				post.named("truncated body")
					.body(JSON, good.substring(0, good.length() / 2))
					.expect(400, "not valid JSON"),
				post.named("empty body").body(JSON, "").expect(400, "must be a JSON array"),
				post.named("object instead of an array").body(JSON, item((item) -> {
				})).expect(400, "must be a JSON array"),
				post.named("numbers instead of objects").body(JSON, "[1, 2]").expect(400, "is not a JSON object"),
				post.named("something after the array").body(JSON, good + " []").expect(400, "Nothing may follow"),
				post.named("duplicate field")
					.body(JSON, "[{\"type\": \"LineErased\", \"type\": \"LineErased\"}]")
					.expect(400, "duplicate"),
				post.named("nested 100,000 deep")
					.body(JSON, "[{\"a\": " + "[".repeat(100_000) + "]")
					.expect(400, "depth"),
				post.named("invalid UTF-8 bytes")
					.body(JSON, () -> withByte(good.replace(NAME, "Zo#"), (byte) 0xC3, (byte) 0x28), false)
					.expect(400, "UTF-8"),
				post.named("Latin-1 body declared as ISO-8859-1")
					.body(JSON + "; charset=ISO-8859-1", () -> good.getBytes(StandardCharsets.ISO_8859_1), false)
					.expect(400, "UTF-8"),
				post.named("body over 1 MiB").body(JSON, padded(1024 * 1024 + 1), false).expect(413, "larger than"),
				post.named("body over 1 MiB, chunked")
					.body(JSON, padded(1024 * 1024 + 1), true)
					.expect(413, "larger than"),
				post.named("10 MiB body").body(JSON, padded(10 * 1024 * 1024), false).expect(413, "larger than"),
				post.named("1,001 events")
					.body(JSON, "[" + String.join(",", Collections.nCopies(1001, "{}")) + "]")
					.expect(413, "at most 1000 events"),
				post.named("number for a string")
					.body(JSON, "[" + item((item) -> item.put("msisdn", 32471000501L)) + "]")
					.expect(200, reason("msisdn", "wrong_type")),
				post.named("object for an array")
					.body(JSON, "[" + item((item) -> item.putObject("leadDays").put("days", 7)) + "]")
					.expect(200, reason("leadDays", "wrong_type")),
				post.named("array for an object")
					.body(JSON, "[" + item((item) -> item.putArray("holder").add(NAME)) + "]")
					.expect(200, reason("holder", "wrong_type")),
				post.named("string for a number")
					.body(JSON,
							"[" + item((item) -> ((ObjectNode) item.get("renewalPrice")).put("amountCents", "15"))
									+ "]")
					.expect(200, reason("renewalPrice.amountCents", "wrong_type")),
				post.named("null for a required field")
					.body(JSON, "[" + item((item) -> item.putNull("msisdn")) + "]")
					.expect(200, reason("msisdn", "required")),
				post.named("missing required fields")
					.body(JSON, "[{\"type\": \"LineRegistered\"}]")
					.expect(200, reason("eventId", "required")),
				post.named("unknown field")
					.body(JSON, "[" + item((item) -> item.put("nickname", NAME)) + "]")
					.expect(200, reason("nickname", "unknown_field")),
				post.named("unknown event type")
					.body(JSON, "[" + item((item) -> item.put("type", "LineStolen")) + "]")
					.expect(200, reason("type", "unknown_type")),
				post.named("name of 10,000 characters")
					.body(JSON,
							"[" + item((item) -> ((ObjectNode) item.get("holder")).put("name", "x".repeat(10_000)))
									+ "]")
					.expect(200, reason("holder.name", "too_long")),
				post.named("text/plain body").body("text/plain", good).expect(415, "not supported"),
				post.named("no content type").body(null, good).expect(415, "not supported"),
				post.named("asks for XML")
					.header("Accept", "application/xml")
					.body(JSON, good)
					.expect(406, "acceptable"),
				post.method("GET").named("GET instead of POST").expect(405, "Method Not Allowed"),
				post.method("PUT").named("PUT instead of POST").body(JSON, good).expect(405, "Method Not Allowed"),
				post.method("DELETE").named("DELETE instead of POST").expect(405, "Method Not Allowed"),
				BadRequest.to(Target.INGEST, "POST /v1/line-events")
					.named("no Authorization header")
					.body(JSON, good)
					.expect(401, "operator key"),
				post.header("Authorization", "Bearer not-a-key")
					.named("unknown key")
					.body(JSON, good)
					.expect(401, "operator key"),
				post.header("Authorization", "Basic cmVsaWFiaWxpdHk6b3Jhbmdl")
					.named("Basic instead of Bearer")
					.body(JSON, good)
					.expect(401, "operator key"),
				post.header("Authorization", "Bearer")
					.named("Bearer without a key")
					.body(JSON, good)
					.expect(401, "operator key"),
				post.header("Authorization", "Bearer " + "k".repeat(6000))
					.named("key of 6,000 characters")
					.body(JSON, good)
					.expect(401, "operator key"),
				post.header("X-Padding", "p".repeat(64 * 1024))
					.named("64 KiB header")
					.body(JSON, good)
					.expect(400, BadRequest.BEFORE_THE_SERVICE),
				post.path("/v1/line-events/" + "x".repeat(10_000))
					.named("path of 10,000 characters")
					.body(JSON, good)
					.expect(400, BadRequest.BEFORE_THE_SERVICE));
	}

	/**
	 * A wire-format LineRegistered with the table's personal data, changed by
	 * {@code change}.
	 */
	static String item(Consumer<ObjectNode> change) {
		ObjectNode item = (ObjectNode) EventJson.mapper()
			.readTree("""
					{"type": "LineRegistered", "eventId": "5b1c6f0e-8a53-4e0b-9d47-3f2a1c9e7b10",
					 "msisdn": "%s", "operator": "orange", "plan": "orange-prepaid-15", "validUntil": "%s",
					 "renewalPrice": {"amountCents": 1500, "currency": "EUR"},
					 "holder": {"name": "%s", "email": "%s", "locale": "en", "timeZone": "Europe/Brussels"},
					 "leadDays": [30, 7, 1], "autoRenew": false}""".formatted(MSISDN, LocalDate.now().plusDays(60),
					NAME, EMAIL));
		change.accept(item);
		return item.toString();
	}

	/** How a rejected item names a field and its reason. */
	static String reason(String field, String reason) {
		return "{\"field\":\"" + field + "\",\"reason\":\"" + reason + "\"}";
	}

	/** {@code text} as UTF-8 with its {@code #} replaced by raw bytes. */
	static byte[] withByte(String text, byte first, byte second) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		int at = text.indexOf('#');
		byte[] out = Arrays.copyOf(bytes, bytes.length + 1);
		out[at] = first;
		out[at + 1] = second;
		System.arraycopy(bytes, at + 1, out, at + 2, bytes.length - at - 1);
		return out;
	}

	private static Supplier<byte[]> padded(int size) {
		return () -> {
			String head = "[{\"type\": \"LineErased\", \"pad\": \"";
			String tail = "\"}]";
			return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
		};
	}

}
