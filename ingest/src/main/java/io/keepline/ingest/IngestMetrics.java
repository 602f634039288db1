package io.keepline.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.ingest.validation.Validation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts ingested items: {@code keepline.ingest.events} once per item by operator,
 * source, outcome and (first) reason, and {@code keepline.ingest.rejections} once per
 * reason found. Counts are summed per batch so that a batch touches each counter once.
 */
public final class IngestMetrics {

	static final String EVENTS = "keepline.ingest.events";

	static final String REJECTIONS = "keepline.ingest.rejections";

	private static final String NONE = "none";

	private final MeterRegistry registry;

	public IngestMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void count(IngestSource source, List<IngestItem> items, List<Validation> verdicts) {
		Map<Key, Integer> events = new HashMap<>();
		Map<Key, Integer> reasons = new HashMap<>();
		String sourceTag = source.name().toLowerCase(Locale.ROOT);
		for (int i = 0; i < verdicts.size(); i++) {
			Validation verdict = verdicts.get(i);
			String operator = items.get(i).operator().value();
			if (verdict.isAccepted()) {
				events.merge(new Key(operator, "accepted", NONE), 1, Integer::sum);
				continue;
			}
			events.merge(new Key(operator, "rejected", verdict.errors().get(0).reason()), 1, Integer::sum);
			for (FieldError error : verdict.errors()) {
				reasons.merge(new Key(operator, "rejected", error.reason()), 1, Integer::sum);
			}
		}
		events.forEach((key, count) -> counter(EVENTS, key, sourceTag).increment(count));
		reasons.forEach((key, count) -> counter(REJECTIONS, key, sourceTag).increment(count));
	}

	private Counter counter(String name, Key key, String source) {
		return Counter.builder(name)
			.tag("operator", key.operator())
			.tag("source", source)
			.tag("outcome", key.outcome())
			.tag("reason", key.reason())
			.register(this.registry);
	}

	private record Key(String operator, String outcome, String reason) {

	}

}
