package io.keepline.support.deadletters;

import java.time.Instant;

/**
 * A dead letter as listed: where it is ({@code id} =
 * {@code <dlt topic>/<partition>/<offset>}), where it came from, which consumer group
 * parked it and why (personal data masked), and what became of it.
 *
 * @param id the dead letter's id
 * @param parkedAt when it was parked
 * @param sourceTopic the topic of the record that failed
 * @param sourcePartition its partition
 * @param sourceOffset its offset
 * @param group the consumer group (or Kafka Streams application) that gave up on it
 * @param exception the class of the failure
 * @param reason the failure's message, numbers and addresses masked; after a failed
 * replay, the new one
 * @param state parked, replayed, or failed again on replay (still parked)
 * @param replayable whether this service can replay it
 */
public record DeadLetter(String id, Instant parkedAt, String sourceTopic, Integer sourcePartition, Long sourceOffset,
		String group, String exception, String reason, State state, boolean replayable) {

	/** What became of a dead letter. */
	public enum State {

		PARKED, REPLAYED, FAILED_AGAIN

	}

	/**
	 * The id of the dead letter at {@code offset} of {@code partition} of {@code topic}.
	 */
	public static String id(String topic, int partition, long offset) {
		return topic + "/" + partition + "/" + offset;
	}

}
