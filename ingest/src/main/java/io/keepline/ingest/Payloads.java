package io.keepline.ingest;

/**
 * Keeps the original payload of a rejected event small enough for a Kafka record.
 */
final class Payloads {

	/** Characters of the original payload kept on rejected-events. */
	static final int MAX_CHARS = 64 * 1024;

	private static final String TRUNCATED = "…[truncated]";

	private Payloads() {
	}

	static String bounded(String payload) {
		if (payload == null || payload.length() <= MAX_CHARS) {
			return payload;
		}
		return payload.substring(0, MAX_CHARS) + TRUNCATED;
	}

}
