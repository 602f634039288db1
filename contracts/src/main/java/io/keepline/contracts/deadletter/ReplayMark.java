package io.keepline.contracts.deadletter;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of a dead letter's replay: handed again to the consumer that parked it and
 * handled ({@link Outcome#REPLAYED}), or failed again with a new reason (still parked).
 * Topic {@code dead-letter-replays}, keyed by {@link #deadLetter()}
 * ({@code <dlt topic>/<partition>/<offset>}).
 *
 * @param deadLetter the dead letter's id
 * @param outcome what the replay did
 * @param reason why it failed again (exception class and masked message), else null
 * @param at when
 */
public record ReplayMark(String deadLetter, Outcome outcome, String reason, Instant at) {

	public ReplayMark {
		Objects.requireNonNull(deadLetter, "deadLetter");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(at, "at");
	}

	/** What a replay did. */
	public enum Outcome {

		/** Handled: not to be replayed again. */
		REPLAYED,

		/** Failed again: still parked, with the new reason. */
		FAILED

	}

}
