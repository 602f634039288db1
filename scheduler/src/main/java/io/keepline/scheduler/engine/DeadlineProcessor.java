package io.keepline.scheduler.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.scheduler.deadline.DueEntry;
import io.keepline.scheduler.deadline.EngineSettings;
import io.keepline.scheduler.deadline.LineRecords;
import io.keepline.scheduler.deadline.LineRules;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.scheduler.deadline.Outcome;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the rules to line and payment events of one task and, on a wall-clock
 * punctuation, fires what the due index says is due (at most a configured number and time
 * per punctuation), keeping the line store and the index in step; forwards the deadline
 * events, and a line's record whenever it changes.
 */
final class DeadlineProcessor implements Processor<Msisdn, KeeplineEvent, Msisdn, Forwarded> {

	private static final Logger log = LoggerFactory.getLogger(DeadlineProcessor.class);

	/**
	 * One DEBUG line per punctuation that found something due: what it handled, how long
	 * its index scans and the rest took, and why it stopped.
	 */
	private static final Logger punctuations = LoggerFactory
		.getLogger(DeadlineProcessor.class.getName() + ".punctuations");

	/** Most due entries read from the index at once. */
	static final int SLICE = 1_000;

	/** Most line records one punctuation's backfill publishes. */
	private static final int BACKFILL_SLICE = 1_000;

	private final EngineSettings settings;

	private final LineRules rules;

	private final Clock clock;

	private final LongSupplier nanoTime;

	private final EngineListener listener;

	private ProcessorContext<Msisdn, Forwarded> context;

	private KeyValueStore<Msisdn, LineState> lines;

	private KeyValueStore<Bytes, byte[]> indexStore;

	private DueIndex index;

	private RecordBackfill backfill;

	private long lastPunctuation;

	/**
	 * Real time the current punctuation spent loading lines, for its DEBUG line (measured
	 * with {@link System#nanoTime}, so that the time budget's reads stay as they were).
	 */
	private long loading;

	/** Time the current punctuation spent deleting fired index entries. */
	private long deleting;

	DeadlineProcessor(EngineSettings settings, Clock clock, LongSupplier nanoTime, EngineListener listener) {
		this.settings = settings;
		this.rules = new LineRules(settings);
		this.clock = clock;
		this.nanoTime = nanoTime;
		this.listener = listener;
	}

	@Override
	public void init(ProcessorContext<Msisdn, Forwarded> context) {
		this.context = context;
		this.lines = context.getStateStore(SchedulerTopology.LINES_STORE);
		this.indexStore = context.getStateStore(SchedulerTopology.INDEX_STORE);
		this.index = new DueIndex(this.indexStore);
		this.backfill = new RecordBackfill(this.lines, context.getStateStore(SchedulerTopology.BACKFILL_STORE),
				context.taskId().toString());
		context.schedule(this.settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
	}

	@Override
	public void process(Record<Msisdn, KeeplineEvent> record) {
		if (record.key() == null || record.value() == null) {
			return;
		}
		Instant now = this.clock.instant();
		LineState current = load(record.key());
		Outcome outcome = this.rules.apply(current, record.key(), record.value(), now);
		store(record.key(), current, outcome);
		publish(record.key(), current, outcome, now, record.timestamp());
		if (outcome.erased() && current != null) {
			log.info("Line {} erased: its state and pending deadlines are deleted", record.key());
		}
		for (DeadlineEvent event : outcome.emitted()) {
			this.context.forward(new Record<>(record.key(), new Forwarded.Deadline(event), record.timestamp()));
			this.listener.emitted(event, Duration.ZERO);
			log.info("{} for {} cycle {}", event.getClass().getSimpleName(), record.key(), event.validUntil());
		}
	}

	/**
	 * Fires what is due by the injected clock, stopping at the count cap or once the time
	 * budget is spent (elapsed real time, checked after each entry), so that the
	 * transaction this punctuation runs in stays short whatever the injected clock does;
	 * the index is read in slices of at most {@link #SLICE} entries, so that a large cap
	 * costs nothing when the budget ends the punctuation first. Records are stamped with
	 * the stream time of the punctuation ({@code timestamp}), which the broker accepts
	 * whatever the clock says. Then the next slice of the line record backfill, until it
	 * is done.
	 */
	private void punctuate(long timestamp) {
		Instant now = this.clock.instant();
		long started = System.nanoTime();
		this.loading = 0;
		this.deleting = 0;
		long budgetEnd = this.nanoTime.getAsLong() + this.settings.maxPunctuationTime().toNanos();
		int max = this.settings.maxPerPunctuation();
		int handled = 0;
		int slices = 0;
		long read = 0;
		long scanning = 0;
		boolean drained = false;
		boolean outOfTime = false;
		while (!drained && !outOfTime && handled < max) {
			int wanted = Math.min(SLICE, max - handled);
			long scan = System.nanoTime();
			List<DueIndex.Due> slice = this.index.due(now.toEpochMilli(), wanted);
			scanning += System.nanoTime() - scan;
			read += this.index.lastRead();
			slices++;
			boolean last = slice.size() < wanted;
			int done = 0;
			while (done < slice.size() && !outOfTime) {
				fire(slice.get(done), now, timestamp);
				done++;
				boolean more = done < slice.size() || !last;
				outOfTime = more && this.nanoTime.getAsLong() - budgetEnd >= 0;
			}
			handled += done;
			drained = last && done == slice.size();
			this.index.scanned(slice.subList(0, done), drained, now.toEpochMilli());
		}
		long ended = System.nanoTime();
		if (handled > 0 && punctuations.isDebugEnabled()) {
			punctuations.debug(
					"Task {}: {} due entries in {} slices ({} index keys read), stopped {} (cap {}, budget {}); {} ms, of which scans {} ms, line loads {} ms, index deletes {} ms; {} ms since the previous punctuation",
					this.context.taskId(), handled, slices, read,
					drained ? "drained" : (outOfTime ? "out of time" : "at the cap"), max,
					this.settings.maxPunctuationTime(), (ended - started) / 1_000_000, scanning / 1_000_000,
					this.loading / 1_000_000, this.deleting / 1_000_000,
					(this.lastPunctuation != 0) ? (started - this.lastPunctuation) / 1_000_000 : -1);
		}
		this.lastPunctuation = started;
		this.backfill.step(Math.min(max, BACKFILL_SLICE), now,
				(msisdn, line) -> this.context.forward(new Record<>(msisdn, new Forwarded.Line(line), timestamp)));
	}

	/**
	 * Fires one due entry and removes it from the index. A reminder whose firing changes
	 * nothing but mark it fired only loses its index entry: the stored state stays as it
	 * is and the next {@link #load} marks it fired. Anything else goes through
	 * {@link #store}, and the entry is deleted directly when the new state still plans it
	 * (or never did: a stale entry), so that the index's changelog gets one tombstone for
	 * it, not two.
	 */
	private void fire(DueIndex.Due due, Instant now, long timestamp) {
		// the index holds numbers this processor checked before it stored them
		Msisdn msisdn = Msisdn.trusted(due.msisdn());
		long loadStart = System.nanoTime();
		LineState current = load(msisdn);
		this.loading += System.nanoTime() - loadStart;
		Outcome outcome = this.rules.fire(current, due.entry(), now);
		if (this.rules.firedOnly(current, due.entry(), outcome, now)
				|| store(msisdn, current, outcome).stream().noneMatch(due.entry()::sameSlot)) {
			long deleteStart = System.nanoTime();
			this.index.delete(due.key());
			this.deleting += System.nanoTime() - deleteStart;
		}
		publish(msisdn, current, outcome, now, timestamp);
		for (DeadlineEvent event : outcome.emitted()) {
			this.context.forward(new Record<>(msisdn, new Forwarded.Deadline(event), timestamp));
			this.listener.emitted(event, Duration.between(due.entry().due(), now));
			log.debug("{} {} for {} cycle {}", event.getClass().getSimpleName(), due.entry().milestone().code(), msisdn,
					event.validUntil());
		}
	}

	/** The line's state as the rules see it ({@link StoredLines}). */
	private LineState load(Msisdn msisdn) {
		return StoredLines.load(msisdn, this.lines, this.indexStore, this.rules);
	}

	/**
	 * Forwards the line's record when the outcome changed it (a tombstone when the line
	 * is gone); firing a reminder, say, changes nothing in it.
	 */
	private void publish(Msisdn msisdn, LineState current, Outcome outcome, Instant now, long timestamp) {
		if (LineRecords.changed(current, outcome.state())) {
			LineRecord line = LineRecords.of(outcome.state(), now);
			this.context.forward(new Record<>(msisdn, new Forwarded.Line(line), timestamp));
		}
	}

	/**
	 * Stores the outcome's state and keeps the index in step with its planned entries.
	 * @return the planned entries it deleted from the index
	 */
	private List<DueEntry> store(Msisdn msisdn, LineState current, Outcome outcome) {
		List<DueEntry> deleted = new ArrayList<>(2);
		if (outcome.erased()) {
			if (current != null) {
				for (DueEntry entry : current.planned()) {
					this.index.delete(msisdn, entry);
					deleted.add(entry);
				}
				this.lines.delete(msisdn);
			}
			return deleted;
		}
		LineState next = outcome.state();
		if (next == current) {
			return deleted;
		}
		List<DueEntry> before = (current != null) ? current.planned() : List.of();
		for (DueEntry entry : before) {
			if (next.planned().stream().noneMatch(entry::sameSlot)) {
				this.index.delete(msisdn, entry);
				deleted.add(entry);
			}
		}
		for (DueEntry entry : next.planned()) {
			if (before.stream().noneMatch(entry::sameSlot)) {
				this.index.put(msisdn, entry);
			}
		}
		this.lines.put(msisdn, next);
		return deleted;
	}

}
