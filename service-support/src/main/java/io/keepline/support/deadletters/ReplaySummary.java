package io.keepline.support.deadletters;

import java.util.List;

/**
 * What replaying every not-yet-replayed dead letter of a topic did: how many were
 * replayed now, how many failed again, and each one's result.
 *
 * @param topic the dead-letter topic
 * @param replayed replayed now
 * @param failedAgain failed again (still parked)
 * @param notReplayable parked by a consumer this service cannot replay through
 * @param results each one's result
 */
public record ReplaySummary(String topic, int replayed, int failedAgain, int notReplayable,
		List<ReplayResult> results) {

	public ReplaySummary {
		results = List.copyOf(results);
	}

	static ReplaySummary of(String topic, List<ReplayResult> results) {
		return new ReplaySummary(topic, count(results, ReplayResult.Outcome.REPLAYED),
				count(results, ReplayResult.Outcome.FAILED_AGAIN), count(results, ReplayResult.Outcome.NOT_REPLAYABLE),
				results);
	}

	private static int count(List<ReplayResult> results, ReplayResult.Outcome outcome) {
		return (int) results.stream().filter((result) -> result.outcome() == outcome).count();
	}

}
