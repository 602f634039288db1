package io.keepline.ingest.validation;

import java.time.Instant;

/**
 * What reading one item needs besides its JSON: the problems found so far and the instant
 * ingest received it (the reference of the rules on dates).
 */
final class Reading {

	private final FieldProblems problems = new FieldProblems();

	private final Instant receivedAt;

	Reading(Instant receivedAt) {
		this.receivedAt = receivedAt;
	}

	FieldProblems problems() {
		return this.problems;
	}

	Instant receivedAt() {
		return this.receivedAt;
	}

}
