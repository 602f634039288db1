package io.keepline.reliability.schedulerkill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Follows, every 100 ms, the reminders a read_committed probe has seen against the plan:
 * how many, how many distinct slots, duplicates, reminders that are not what the plan
 * says, and how far the output lags behind the clock (the real time since the oldest
 * reminder not seen yet fell due), kept as samples so that each kill's outage can be
 * measured afterwards.
 */
final class ReminderWatch implements AutoCloseable {

	/** One lag sample: real epoch millis, and how late the output was then (real ms). */
	record Sample(long at, long lag) {

	}

	private final TopicProbe<Msisdn, DeadlineEvent> probe;

	private final ReminderPlan plan;

	private final Clock clock;

	private final long speed;

	private final Map<String, Integer> counts = new HashMap<>();

	private final Set<String> eventIds = new HashSet<>();

	private final List<Sample> samples = new ArrayList<>();

	private final List<String> wrong = new ArrayList<>();

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

	private int read;

	private int seen;

	private int repeatedEventIds;

	private int oldestMissing;

	ReminderWatch(TopicProbe<Msisdn, DeadlineEvent> probe, ReminderPlan plan, Clock clock, long speed) {
		this.probe = probe;
		this.plan = plan;
		this.clock = clock;
		this.speed = speed;
	}

	void start() {
		this.ticker.scheduleAtFixedRate(this::tick, 0, 100, TimeUnit.MILLISECONDS);
	}

	synchronized void tick() {
		List<ConsumerRecord<Msisdn, DeadlineEvent>> records = this.probe.records();
		for (ConsumerRecord<Msisdn, DeadlineEvent> record : records.subList(this.read, records.size())) {
			if (record.value() instanceof ReminderDue reminder) {
				count(reminder);
			}
		}
		this.read = records.size();
		while (this.oldestMissing < this.plan.reminders()
				&& this.counts.containsKey(this.plan.slotAt(this.oldestMissing))) {
			this.oldestMissing++;
		}
		this.samples.add(new Sample(System.currentTimeMillis(), lag()));
	}

	private void count(ReminderDue reminder) {
		String slot = ReminderPlan.slot(reminder.msisdn(), reminder.stage());
		if (this.plan.due(slot) == null || !this.plan.due(slot).equals(reminder.dueAt())
				|| reminder.trigger() != ReminderTrigger.SCHEDULED) {
			this.wrong.add(slot + " due " + reminder.dueAt() + " " + reminder.trigger());
			return;
		}
		this.seen++;
		this.counts.merge(slot, 1, Integer::sum);
		if (!this.eventIds.add(reminder.eventId().toString())) {
			this.repeatedEventIds++;
		}
	}

	/** Real milliseconds since the oldest reminder not seen yet fell due; 0 if none. */
	private long lag() {
		if (this.oldestMissing >= this.plan.reminders()) {
			return 0;
		}
		long late = this.clock.millis() - this.plan.dueMillisAt(this.oldestMissing);
		return Math.max(0, late / this.speed);
	}

	synchronized long lagNow() {
		return this.samples.isEmpty() ? 0 : this.samples.get(this.samples.size() - 1).lag();
	}

	/** Reminders of the plan seen, duplicates included. */
	synchronized int seen() {
		return this.seen;
	}

	synchronized int distinct() {
		return this.counts.size();
	}

	/** Reminders seen more than once for the same line and stage. */
	synchronized int duplicates() {
		return this.seen - this.counts.size();
	}

	/** Records with an event id seen before (the same record twice). */
	synchronized int repeatedEventIds() {
		return this.repeatedEventIds;
	}

	synchronized int missing() {
		return this.plan.reminders() - this.counts.size();
	}

	/** Reminders that are not the plan's: unknown slot, other due instant, or trigger. */
	synchronized List<String> wrong() {
		return List.copyOf(this.wrong);
	}

	synchronized List<Sample> samples() {
		return List.copyOf(this.samples);
	}

	/**
	 * What a kill at {@code from} did until {@code to} (real epoch millis): how long
	 * until the output was again no more than {@code threshold} ms behind the clock (0 if
	 * it never fell further behind), and the largest lag seen.
	 */
	synchronized Outage outage(long from, long to, long threshold) {
		long recovered = from;
		long worst = 0;
		for (Sample sample : this.samples) {
			if (sample.at() >= from && sample.at() < to) {
				worst = Math.max(worst, sample.lag());
				if (sample.lag() > threshold) {
					recovered = sample.at();
				}
			}
		}
		return new Outage(recovered - from, worst);
	}

	/** A kill's effect: time until the output was on time again, and the largest lag. */
	record Outage(long recoveryMillis, long maxLagMillis) {

	}

	/**
	 * Writes the lag samples as CSV (seconds since {@code from}, lag in ms), to see a
	 * run's outages on a chart.
	 */
	synchronized void writeLag(Path csv, long from) throws IOException {
		StringBuilder text = new StringBuilder("seconds,lag_ms").append(System.lineSeparator());
		for (Sample sample : this.samples) {
			text.append((sample.at() - from) / 1000.0).append(',').append(sample.lag()).append(System.lineSeparator());
		}
		Files.writeString(csv, text);
	}

	/**
	 * The slots missing or seen more than once, at most {@code max} of each, for a
	 * failure.
	 */
	synchronized String describeGaps(int max) {
		List<String> missing = new ArrayList<>();
		for (int i = this.oldestMissing; i < this.plan.reminders() && missing.size() < max; i++) {
			if (!this.counts.containsKey(this.plan.slotAt(i))) {
				missing.add(this.plan.slotAt(i) + " due " + this.plan.due(this.plan.slotAt(i)));
			}
		}
		List<String> repeated = this.counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.limit(max)
			.map((entry) -> entry.getKey() + " x" + entry.getValue())
			.collect(Collectors.toList());
		return this.seen + " seen, " + this.counts.size() + " distinct of " + this.plan.reminders() + ", "
				+ this.probe.unreadable() + " unreadable; missing " + missing + "; duplicated " + repeated
				+ "; not planned " + this.wrong.stream().limit(max).toList();
	}

	@Override
	public void close() {
		this.ticker.shutdownNow();
	}

}
