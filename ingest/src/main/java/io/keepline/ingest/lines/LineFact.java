package io.keepline.ingest.lines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One fact of a line's timeline: when it happened, the topic it was read from, its event
 * type and a one-line summary without holder contact data.
 */
record LineFact(Instant at, String topic, String type, String summary) {

	/** The entries of one line read from one topic, the oldest first, at most a bound. */
	record Entries(List<LineFact> entries) {

		Entries {
			entries = List.copyOf(entries);
		}

		/** These entries and {@code entry}, dropping the oldest beyond {@code max}. */
		Entries with(LineFact entry, int max) {
			List<LineFact> more = new ArrayList<>(this.entries);
			more.add(entry);
			return new Entries(more.subList(Math.max(0, more.size() - max), more.size()));
		}

	}

}
