package io.keepline.reliability.brokeroutage;

import java.util.List;

/**
 * One batch posted to ingest and what came back.
 *
 * @param started real epoch millis when the request was sent
 * @param finished real epoch millis when the answer (or the failure) came
 * @param status the HTTP status, or 0 when no answer came at all
 * @param retryAfter the Retry-After header, or null
 * @param sent the event ids in the batch
 * @param accepted the event ids a 200 answer reported accepted
 */
record Exchange(long started, long finished, int status, String retryAfter, List<String> sent, List<String> accepted) {

	long millis() {
		return this.finished - this.started;
	}

}
