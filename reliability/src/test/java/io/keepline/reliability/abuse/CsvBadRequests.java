package io.keepline.reliability.abuse;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import io.keepline.reliability.abuse.BadRequest.Target;

/**
 * The bad-input rows of ingest's CSV import: a file it cannot read as CSV of the wire
 * format is refused with a 4xx problem detail; rows that break the wire format get 200
 * with every row rejected, naming field and reason.
 */
final class CsvBadRequests {

	private static final String CSV = "text/csv";

	private static final String CSV_HEADER = "type,eventId,msisdn,operator,plan,validUntil,renewalPrice.amountCents,"
			+ "renewalPrice.currency,holder.name,holder.email,holder.locale,holder.timeZone\n";

	private CsvBadRequests() {
	}

	static List<BadRequest> all() {
		BadRequest post = BadRequest.to(Target.INGEST, "POST /v1/line-events/csv")
			.header("Authorization", IngestBadRequests.ORANGE);
		String row = "LineRegistered,6f1c8a4e-0b7e-4d55-9b1a-2f0d3c4b5a69," + IngestBadRequests.MSISDN
				+ ",orange,orange-prepaid-15," + LocalDate.now().plusDays(60) + ",1500,EUR," + IngestBadRequests.NAME
				+ "," + IngestBadRequests.EMAIL + ",en,Europe/Brussels\n";
		String good = CSV_HEADER + row;
		return List.of(post.named("unknown column").body(CSV, "type,msisdn,nickname\n").expect(400, "Unknown columns"),
				post.named("no type column")
					.body(CSV, "msisdn,operator\n" + IngestBadRequests.MSISDN + ",orange\n")
					.expect(400, "type column"),
				post.named("empty body").body(CSV, "").expect(400, "type column"),
				post.named("unterminated quote")
					.body(CSV, CSV_HEADER + "\"LineRegistered,x\n")
					.expect(400, "Unreadable CSV"),
				post.named("row of 300,000 characters")
					.body(CSV, CSV_HEADER + "x".repeat(300_000) + "\n")
					.expect(400, "longer than"),
				post.named("text in a number column")
					.body(CSV, good.replace(",1500,", ",fifteen,"))
					.expect(200, IngestBadRequests.reason("renewalPrice.amountCents", "wrong_type")),
				post.named("missing cells")
					.body(CSV, CSV_HEADER + "LineRegistered\n")
					.expect(200, IngestBadRequests.reason("msisdn", "required")),
				post.named("more cells than columns")
					.body(CSV, good.replace(",Europe/Brussels\n", ",Europe/Brussels,surplus\n"))
					.expect(200, IngestBadRequests.reason("column13", "unknown_field")),
				post.named("invalid UTF-8 bytes")
					.body(CSV,
							() -> IngestBadRequests.withByte(good.replace(IngestBadRequests.NAME, "Zo#"), (byte) 0xC3,
									(byte) 0x28),
							false)
					.expect(400, "UTF-8"),
				post.named("unknown charset")
					.body(CSV + "; charset=x-no-such-charset", good)
					.expect(415, "Content-Type"),
				post.named("10 MiB of garbage")
					.body(CSV, garbage(10 * 1024 * 1024), false)
					.expect(400, "Unknown columns"),
				post.named("JSON body").body(IngestBadRequests.JSON, "[]").expect(415, "not supported"),
				post.method("GET").named("GET instead of POST").expect(405, "Method Not Allowed"),
				BadRequest.to(Target.INGEST, "POST /v1/line-events/csv")
					.named("no Authorization header")
					.body(CSV, good)
					.expect(401, "operator key"));
	}

	private static Supplier<byte[]> garbage(int size) {
		return () -> ("nickname,shoe size\n" + "x,".repeat(size / 2)).getBytes(StandardCharsets.UTF_8);
	}

}
