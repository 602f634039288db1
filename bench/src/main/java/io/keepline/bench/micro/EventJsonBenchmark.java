package io.keepline.bench.micro;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing and writing one {@code LineRegistered} in the wire format: the per-event cost
 * of ingest and every reader. Parsing is measured twice: the same event again and again
 * (its numbers found in {@code Msisdn}'s memo of numbers seen last, as when a record
 * built from an event just validated is read back), and events whose numbers were not
 * seen recently (each number checked against the numbering plan).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventJsonBenchmark {

	static final byte[] LINE_REGISTERED = """
			{"type": "LineRegistered", "eventId": "5b1c2f9e-6f1a-4c39-9a57-0c3e1f1d2a01",
			 "occurredAt": "2026-11-25T09:15:00Z", "msisdn": "+32470123456", "operator": "orange",
			 "plan": "orange-prepaid-15", "validUntil": "2026-12-31",
			 "renewalPrice": {"amountCents": 1500, "currency": "EUR"},
			 "holder": {"name": "Li Wei", "email": "li@example.com", "sms": "+8613800138000",
			            "locale": "zh", "timeZone": "Asia/Shanghai"},
			 "leadDays": [30, 7, 1], "autoRenew": false}
			""".getBytes(StandardCharsets.UTF_8);

	/** More distinct events than the memo of numbers has slots (16,384). */
	private static final int DISTINCT = 1 << 17;

	private final LineEvent parsed = EventJson.read(LINE_REGISTERED, LineEvent.class);

	private final byte[][] distinct = new byte[DISTINCT][];

	private int next;

	public EventJsonBenchmark() {
		String template = new String(LINE_REGISTERED, StandardCharsets.UTF_8);
		for (int i = 0; i < DISTINCT; i++) {
			this.distinct[i] = template.replace("+32470123456", "+32470%06d".formatted(i))
				.replace("+8613800138000", "+86138%08d".formatted(i))
				.getBytes(StandardCharsets.UTF_8);
		}
	}

	@Benchmark
	public LineEvent parseLineRegistered() {
		return EventJson.read(LINE_REGISTERED, LineEvent.class);
	}

	@Benchmark
	public LineEvent parseLineRegisteredNumbersNotSeenRecently() {
		this.next = (this.next + 1) & (DISTINCT - 1);
		return EventJson.read(this.distinct[this.next], LineEvent.class);
	}

	@Benchmark
	public byte[] writeLineRegistered() {
		return EventJson.write(this.parsed, LineEvent.class);
	}

}
