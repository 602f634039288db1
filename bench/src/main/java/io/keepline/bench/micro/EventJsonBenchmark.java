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
 * of ingest and every reader.
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

	private final LineEvent parsed = EventJson.read(LINE_REGISTERED, LineEvent.class);

	@Benchmark
	public LineEvent parseLineRegistered() {
		return EventJson.read(LINE_REGISTERED, LineEvent.class);
	}

	@Benchmark
	public byte[] writeLineRegistered() {
		return EventJson.write(this.parsed, LineEvent.class);
	}

}
