package io.keepline.standalone.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notice.RenewalNotApplied;
import io.keepline.contracts.payment.PaymentEvent;

import org.springframework.stereotype.Component;

/**
 * The console's bounded in-memory view of the Keepline topics: each line's current record
 * as the scheduler publishes it, each line's timeline, recent payments, each operator's
 * recent notices and recent activity. A line's tombstone (erasure) removes all it held
 * about the line. Fed by {@link EventFeed}.
 */
@Component
public class EventLog {

	static final int MAX_PER_LINE = 300;

	static final int MAX_RECENT = 500;

	private final Map<String, LineRecord> records = new TreeMap<>();

	private final Map<String, List<TimelineEntry>> timelines = new HashMap<>();

	/** When each erased line was erased: its older events, read late, are not kept. */
	private final Map<String, Instant> erasedAt = new HashMap<>();

	private final Deque<TimelineEntry> payments = new ArrayDeque<>();

	private final Deque<TimelineEntry> recent = new ArrayDeque<>();

	private final Map<String, Deque<TimelineEntry>> notices = new TreeMap<>();

	private final List<Consumer<TimelineEntry>> listeners = new CopyOnWriteArrayList<>();

	private final List<Consumer<LineRecord>> erasureListeners = new CopyOnWriteArrayList<>();

	private long version;

	synchronized void add(TimelineEntry entry) {
		if (entry.msisdn() != null && !entry.at().isAfter(this.erasedAt.getOrDefault(entry.msisdn(), Instant.MIN))) {
			return;
		}
		this.version++;
		bounded(this.recent, entry);
		if (entry.msisdn() != null) {
			List<TimelineEntry> timeline = this.timelines.computeIfAbsent(entry.msisdn(), (key) -> new ArrayList<>());
			timeline.add(entry);
			if (timeline.size() > MAX_PER_LINE) {
				timeline.remove(0);
			}
		}
		if (entry.event() instanceof PaymentEvent) {
			bounded(this.payments, entry);
		}
		if (entry.event() instanceof OperatorNotice notice) {
			bounded(this.notices.computeIfAbsent(notice.operator().value(), (key) -> new ArrayDeque<>()), entry);
		}
		this.listeners.forEach((listener) -> listener.accept(entry));
	}

	/** The line's current record, as the scheduler last wrote it. */
	synchronized void record(LineRecord record) {
		this.version++;
		this.records.put(record.msisdn().value(), record);
	}

	/**
	 * The line's tombstone, written at {@code at}: its record, timeline and every recent
	 * entry about it go, and the erasure listeners forget what they hold about its
	 * holder.
	 */
	void erase(String msisdn, Instant at) {
		LineRecord erased;
		synchronized (this) {
			this.version++;
			erased = this.records.remove(msisdn);
			this.timelines.remove(msisdn);
			this.recent.removeIf((entry) -> msisdn.equals(entry.msisdn()));
			this.payments.removeIf((entry) -> msisdn.equals(entry.msisdn()));
			this.notices.values().forEach((notices) -> notices.removeIf((entry) -> msisdn.equals(entry.msisdn())));
			this.erasedAt.merge(msisdn, at, (before, now) -> now.isAfter(before) ? now : before);
		}
		if (erased != null) {
			this.erasureListeners.forEach((listener) -> listener.accept(erased));
		}
	}

	/** Calls {@code listener} with every entry added from now on. */
	void onEntry(Consumer<TimelineEntry> listener) {
		this.listeners.add(listener);
	}

	/** Calls {@code listener} with the last record of every line erased from now on. */
	void onErasure(Consumer<LineRecord> listener) {
		this.erasureListeners.add(listener);
	}

	/** A number that changes whenever something was added. */
	public synchronized long version() {
		return this.version;
	}

	/** Every line whose number contains {@code query} (digits only; blank: all). */
	public synchronized List<LineRecord> lines(String query) {
		String digits = (query != null) ? query.replaceAll("[^0-9]", "") : "";
		return this.records.values()
			.stream()
			.filter((line) -> digits.isEmpty() || line.msisdn().value().replace("+", "").contains(digits))
			.toList();
	}

	public synchronized Optional<LineRecord> line(String msisdn) {
		return Optional.ofNullable(this.records.get(msisdn));
	}

	/** Every event about {@code msisdn}, across topics, oldest first. */
	public synchronized List<TimelineEntry> timeline(String msisdn) {
		return this.timelines.getOrDefault(msisdn, List.of()).stream().sorted().toList();
	}

	/** Recent payment events, newest first. */
	public synchronized List<TimelineEntry> payments() {
		return this.payments.stream().sorted(Comparator.reverseOrder()).toList();
	}

	/** Each operator's recent notices, newest first, by operator. */
	public synchronized Map<String, List<TimelineEntry>> notices() {
		Map<String, List<TimelineEntry>> byOperator = new TreeMap<>();
		this.notices.forEach((operator, entries) -> byOperator.put(operator,
				entries.stream().sorted(Comparator.reverseOrder()).toList()));
		return byOperator;
	}

	/**
	 * The {@code RenewalNotApplied} alerts about {@code msisdn}'s cycle ending
	 * {@code validUntil}, newest first: paid, and not topped up in time.
	 */
	public synchronized List<TimelineEntry> alerts(String msisdn, LocalDate validUntil) {
		return this.timelines.getOrDefault(msisdn, List.of())
			.stream()
			.filter((entry) -> entry.event() instanceof RenewalNotApplied alert
					&& alert.validUntil().equals(validUntil))
			.sorted(Comparator.reverseOrder())
			.toList();
	}

	/** Recent events of all topics, newest first. */
	public synchronized List<TimelineEntry> recent(int limit) {
		return this.recent.stream().sorted(Comparator.reverseOrder()).limit(limit).toList();
	}

	private static void bounded(Deque<TimelineEntry> entries, TimelineEntry entry) {
		entries.addLast(entry);
		if (entries.size() > MAX_RECENT) {
			entries.removeFirst();
		}
	}

}
