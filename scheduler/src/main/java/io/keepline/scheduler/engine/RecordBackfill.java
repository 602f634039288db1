package io.keepline.scheduler.engine;

import java.time.Instant;
import java.util.function.BiConsumer;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.scheduler.deadline.LineRecords;
import io.keepline.scheduler.deadline.LineState;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes, once per task, the record of every registered line its store held before the
 * scheduler published line records (the upgrade to them): a bounded slice of the store
 * per call, in key order, with the progress kept in a changelogged store so that a
 * restart or a moved task resumes where it stopped.
 */
final class RecordBackfill {

	private static final Logger log = LoggerFactory.getLogger(RecordBackfill.class);

	/** The last msisdn handled. */
	static final String AFTER = "line-records.after";

	/** How many records were published so far. */
	static final String WRITTEN = "line-records.written";

	/** When the backfill finished; present once it did. */
	static final String DONE = "line-records.done";

	private static final long LOG_EVERY = 100_000;

	private final KeyValueStore<Msisdn, LineState> lines;

	private final KeyValueStore<String, String> progress;

	private final String task;

	private boolean done;

	RecordBackfill(KeyValueStore<Msisdn, LineState> lines, KeyValueStore<String, String> progress, String task) {
		this.lines = lines;
		this.progress = progress;
		this.task = task;
		this.done = progress.get(DONE) != null;
	}

	/**
	 * Publishes the records of the next {@code max} lines of the store through
	 * {@code publish}; nothing once the whole store was walked.
	 */
	void step(int max, Instant now, BiConsumer<Msisdn, LineRecord> publish) {
		if (this.done) {
			return;
		}
		String after = this.progress.get(AFTER);
		long written = (after != null) ? Long.parseLong(this.progress.get(WRITTEN)) : 0;
		Msisdn last = null;
		int seen = 0;
		long before = written;
		try (KeyValueIterator<Msisdn, LineState> slice = (after != null) ? this.lines.range(Msisdn.of(after), null)
				: this.lines.all()) {
			while (seen < max && slice.hasNext()) {
				KeyValue<Msisdn, LineState> next = slice.next();
				if (next.key.value().equals(after)) {
					continue;
				}
				LineRecord record = LineRecords.of(next.value, now);
				if (record != null) {
					publish.accept(next.key, record);
					written++;
				}
				last = next.key;
				seen++;
			}
			this.done = !slice.hasNext();
		}
		if (last != null) {
			this.progress.put(AFTER, last.value());
			this.progress.put(WRITTEN, Long.toString(written));
		}
		if (this.done) {
			this.progress.put(DONE, now.toString());
			log.info("Line record backfill of task {} done: records published: {}", this.task, written);
		}
		else if (written / LOG_EVERY > before / LOG_EVERY) {
			log.info("Line record backfill of task {} going on: records published: {}", this.task, written);
		}
	}

}
