package io.keepline.standalone.console;

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

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.payment.PaymentEvent;

import org.springframework.stereotype.Component;

/**
 * The console's bounded in-memory view of every Keepline topic: a card per line, each
 * line's timeline, recent payments and recent activity. Fed by {@link EventFeed}.
 */
@Component
public class EventLog {

	static final int MAX_PER_LINE = 300;

	static final int MAX_RECENT = 500;

	private final Map<String, LineCard> cards = new TreeMap<>();

	private final Map<String, List<TimelineEntry>> timelines = new HashMap<>();

	private final Deque<TimelineEntry> payments = new ArrayDeque<>();

	private final Deque<TimelineEntry> recent = new ArrayDeque<>();

	private final List<Consumer<TimelineEntry>> listeners = new CopyOnWriteArrayList<>();

	private long version;

	synchronized void add(TimelineEntry entry) {
		this.version++;
		bounded(this.recent, entry);
		if (entry.msisdn() != null) {
			List<TimelineEntry> timeline = this.timelines.computeIfAbsent(entry.msisdn(), (key) -> new ArrayList<>());
			timeline.add(entry);
			if (timeline.size() > MAX_PER_LINE) {
				timeline.remove(0);
			}
			LineCard card = this.cards.getOrDefault(entry.msisdn(), LineCard.empty(entry.msisdn()));
			LineCard updated = (entry.event() != null) ? card.apply(entry.event()) : card;
			boolean known = this.cards.containsKey(entry.msisdn());
			if (known || entry.event() instanceof LineEvent || entry.event() instanceof DeadlineEvent) {
				this.cards.put(entry.msisdn(), updated);
			}
		}
		if (entry.event() instanceof PaymentEvent) {
			bounded(this.payments, entry);
		}
		this.listeners.forEach((listener) -> listener.accept(entry));
	}

	/** Calls {@code listener} with every entry added from now on. */
	void onEntry(Consumer<TimelineEntry> listener) {
		this.listeners.add(listener);
	}

	/** A number that changes whenever something was added. */
	public synchronized long version() {
		return this.version;
	}

	/** Every line whose number contains {@code query} (digits only; blank: all). */
	public synchronized List<LineCard> lines(String query) {
		String digits = (query != null) ? query.replaceAll("[^0-9]", "") : "";
		return this.cards.values()
			.stream()
			.filter((card) -> digits.isEmpty() || card.msisdn().replace("+", "").contains(digits))
			.toList();
	}

	public synchronized Optional<LineCard> line(String msisdn) {
		return Optional.ofNullable(this.cards.get(msisdn));
	}

	/** Every event about {@code msisdn}, across topics, oldest first. */
	public synchronized List<TimelineEntry> timeline(String msisdn) {
		return this.timelines.getOrDefault(msisdn, List.of()).stream().sorted().toList();
	}

	/** Recent payment events, newest first. */
	public synchronized List<TimelineEntry> payments() {
		return this.payments.stream().sorted(Comparator.reverseOrder()).toList();
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
