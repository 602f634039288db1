package io.keepline.ingest.http;

import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.FieldError;
import io.keepline.ingest.IngestResult;
import io.keepline.ingest.validation.Validation;

/**
 * The answer to a batch: counts, and one result per item in input order, each accepted
 * (in Kafka) or rejected with every problem found.
 */
record BatchResponse(int accepted, int rejected, List<ItemResult> results) {

	static BatchResponse of(IngestResult result) {
		List<ItemResult> results = new ArrayList<>(result.verdicts().size());
		for (Validation verdict : result.verdicts()) {
			results.add(new ItemResult(results.size(), verdict.eventId(),
					verdict.isAccepted() ? ItemResult.ACCEPTED : ItemResult.REJECTED, verdict.errors()));
		}
		return new BatchResponse(result.accepted(), result.rejected(), results);
	}

	/** The result of one item; {@code eventId} as sent, null when it had none. */
	record ItemResult(int index, String eventId, String status, List<FieldError> errors) {

		static final String ACCEPTED = "accepted";

		static final String REJECTED = "rejected";

	}

}
