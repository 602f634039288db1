package io.keepline.ingest.notice;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.keepline.contracts.notice.OperatorNotice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The notices' meters: notices written by type, alerts raised
 * ({@code keepline.notices.renewals-not-applied}) and the lines of this instance whose
 * paid renewal waits past the bound ({@code keepline.notices.top-ups-overdue}, a gauge
 * summed over the instance's tasks).
 */
final class NoticeMetrics {

	private final MeterRegistry registry;

	private final Counter alerts;

	private final Map<String, Long> overdueByTask = new ConcurrentHashMap<>();

	NoticeMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.alerts = Counter.builder("keepline.notices.renewals-not-applied")
			.description("Paid renewals the operator had not applied within the bound")
			.register(registry);
		Gauge.builder("keepline.notices.top-ups-overdue", this, NoticeMetrics::overdue)
			.description("Lines whose paid renewal waits past the bound for the operator's top-up")
			.register(registry);
	}

	/** A notice written for an operator. */
	void written(OperatorNotice notice) {
		this.registry.counter("keepline.notices.written", "type", notice.getClass().getSimpleName()).increment();
	}

	void alerted() {
		this.alerts.increment();
	}

	/** The task's count of lines waiting past the bound; -1 once the task left. */
	void overdue(String task, long lines) {
		if (lines < 0) {
			this.overdueByTask.remove(task);
		}
		else {
			this.overdueByTask.put(task, lines);
		}
	}

	double overdue() {
		return this.overdueByTask.values().stream().mapToLong(Long::longValue).sum();
	}

}
