package io.keepline.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.IngestItem;
import io.keepline.ingest.validation.Reasons;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Turns a record of an operator's raw topic into an item: the operator is the topic's
 * (the broker lets only that operator's principal write it), never a header or the
 * record; then the JSON tree of the value and the value as text. What cannot be
 * attributed or parsed becomes an unreadable item, never an exception.
 */
final class RawRecords {

	/** The operator rejected records are filed under when their topic names none. */
	static final OperatorId UNATTRIBUTED = OperatorId.of("unattributed");

	/** Where an item whose topic is no known operator's is rejected. */
	static final String TOPIC_FIELD = "topic";

	/** The header the shared raw topic once carried; it names nobody now. */
	static final String FORMER_OPERATOR_HEADER = "keepline-operator";

	private static final Logger log = LoggerFactory.getLogger(RawRecords.class);

	private static final ObjectReader READER = EventJson.mapper()
		.reader()
		.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

	private final Set<OperatorId> operators;

	private final AtomicBoolean headerSeen = new AtomicBoolean();

	RawRecords(Set<OperatorId> operators) {
		this.operators = Set.copyOf(operators);
	}

	IngestItem toItem(ConsumerRecord<byte[], byte[]> record) {
		String location = record.topic() + "-" + record.partition() + "@" + record.offset();
		String payload = (record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : null;
		Optional<OperatorId> operator = Topics.operatorOfRaw(record.topic()).filter(this.operators::contains);
		if (operator.isEmpty()) {
			return IngestItem.unreadable(UNATTRIBUTED, location, payload,
					new FieldError(TOPIC_FIELD, Reasons.UNKNOWN_OPERATOR));
		}
		if (record.headers().lastHeader(FORMER_OPERATOR_HEADER) != null && this.headerSeen.compareAndSet(false, true)) {
			log.warn("Records on {} carry a {} header: ignored, the operator is the topic's", record.topic(),
					FORMER_OPERATOR_HEADER);
		}
		if (record.value() == null) {
			return IngestItem.unreadable(operator.get(), location, null, new FieldError("$", Reasons.REQUIRED));
		}
		try {
			JsonNode tree = READER.readTree(record.value());
			return IngestItem.of(operator.get(), location, tree, payload);
		}
		catch (JacksonException ex) {
			return IngestItem.unreadable(operator.get(), location, payload,
					new FieldError("$", Reasons.MALFORMED_JSON));
		}
	}

}
