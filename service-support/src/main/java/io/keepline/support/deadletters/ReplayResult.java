package io.keepline.support.deadletters;

/**
 * What replaying one dead letter did.
 *
 * @param id the dead letter
 * @param outcome replayed now, replayed before (nothing done), failed again, or not
 * replayable here
 * @param reason why it failed again or cannot be replayed, else null
 */
public record ReplayResult(String id, Outcome outcome, String reason) {

	/** What a replay did. */
	public enum Outcome {

		REPLAYED, ALREADY_REPLAYED, FAILED_AGAIN, NOT_REPLAYABLE

	}

}
