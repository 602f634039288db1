package io.keepline.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.IngestItem;
import io.keepline.ingest.validation.Reasons;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Turns a record of the raw operator topic into an item: the operator from the
 * {@link Topics#OPERATOR_HEADER} header (it must be a configured one), the JSON tree of
 * the value, and the value as text. What cannot be attributed or parsed becomes an
 * unreadable item, never an exception.
 */
final class RawRecords {

	/** The operator rejected records are filed under when the header names none. */
	static final OperatorId UNATTRIBUTED = OperatorId.of("unattributed");

	static final String HEADER_FIELD = "header." + Topics.OPERATOR_HEADER;

	private static final ObjectReader READER = EventJson.mapper()
		.reader()
		.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

	private final Set<OperatorId> operators;

	RawRecords(Set<OperatorId> operators) {
		this.operators = Set.copyOf(operators);
	}

	IngestItem toItem(ConsumerRecord<byte[], byte[]> record) {
		String location = record.topic() + "-" + record.partition() + "@" + record.offset();
		String payload = (record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : null;
		Header header = record.headers().lastHeader(Topics.OPERATOR_HEADER);
		if (header == null || header.value() == null) {
			return IngestItem.unreadable(UNATTRIBUTED, location, payload,
					new FieldError(HEADER_FIELD, Reasons.REQUIRED));
		}
		OperatorId operator = operator(new String(header.value(), StandardCharsets.UTF_8));
		if (operator == null) {
			return IngestItem.unreadable(UNATTRIBUTED, location, payload,
					new FieldError(HEADER_FIELD, Reasons.UNKNOWN_OPERATOR));
		}
		if (record.value() == null) {
			return IngestItem.unreadable(operator, location, null, new FieldError("$", Reasons.REQUIRED));
		}
		try {
			JsonNode tree = READER.readTree(record.value());
			return IngestItem.of(operator, location, tree, payload);
		}
		catch (JacksonException ex) {
			return IngestItem.unreadable(operator, location, payload, new FieldError("$", Reasons.MALFORMED_JSON));
		}
	}

	private OperatorId operator(String text) {
		for (OperatorId operator : this.operators) {
			if (operator.value().equals(text)) {
				return operator;
			}
		}
		return null;
	}

}
