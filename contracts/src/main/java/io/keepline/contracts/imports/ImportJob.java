package io.keepline.contracts.imports;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.OperatorId;

/**
 * The status of one CSV import of an operator's line events, as ingest last wrote it on
 * {@link io.keepline.contracts.topic.Topics#IMPORT_JOBS}: when it started and finished,
 * rows read, accepted and rejected so far, and its state ({@code failure} says why a
 * failed import stopped, without any row's content).
 */
public record ImportJob(UUID id, OperatorId operator, Instant startedAt, Instant finishedAt, long rowsRead,
		long accepted, long rejected, State state, String failure) {

	/** Where an import stands. */
	public enum State {

		/** Rows are still being read. */
		RUNNING,

		/** Every row was read. */
		DONE,

		/** The import stopped before the end of its file. */
		FAILED

	}

	public ImportJob {
		InvalidValueException.require(id, "id");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(startedAt, "startedAt");
		InvalidValueException.require(state, "state");
	}

	/** A job that has just started. */
	public static ImportJob started(UUID id, OperatorId operator, Instant at) {
		return new ImportJob(id, operator, at, null, 0, 0, 0, State.RUNNING, null);
	}

	/** This job with its counts so far. */
	public ImportJob progressed(long rowsRead, long accepted, long rejected) {
		return new ImportJob(this.id, this.operator, this.startedAt, null, rowsRead, accepted, rejected, State.RUNNING,
				null);
	}

	/** This job finished at {@code at}: done, or failed when {@code failure} is set. */
	public ImportJob finished(Instant at, long rowsRead, long accepted, long rejected, String failure) {
		return new ImportJob(this.id, this.operator, this.startedAt, at, rowsRead, accepted, rejected,
				(failure != null) ? State.FAILED : State.DONE, failure);
	}

}
