package io.keepline.ingest;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.OperatorId;
import tools.jackson.databind.JsonNode;

/**
 * One operator item on its way in: who sent it, where it was in the input (batch index,
 * CSV line, topic-partition@offset), its JSON tree, and the original payload when it is
 * not the tree itself. {@code unreadable} names why an item could not even be parsed.
 */
public record IngestItem(OperatorId operator, String location, JsonNode json, String payload, FieldError unreadable) {

	public static IngestItem of(OperatorId operator, String location, JsonNode json) {
		return new IngestItem(operator, location, json, null, null);
	}

	public static IngestItem of(OperatorId operator, String location, JsonNode json, String payload) {
		return new IngestItem(operator, location, json, payload, null);
	}

	public static IngestItem unreadable(OperatorId operator, String location, String payload, FieldError error) {
		return new IngestItem(operator, location, null, payload, error);
	}

	/** The payload as received, for the rejected-events record. */
	public String payloadText() {
		if (this.payload != null) {
			return this.payload;
		}
		return (this.json != null) ? this.json.toString() : null;
	}

}
