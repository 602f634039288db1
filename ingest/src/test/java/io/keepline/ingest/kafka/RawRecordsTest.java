package io.keepline.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.IngestItem;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawRecordsTest {

	final RawRecords records = new RawRecords(Set.of(OperatorId.of("orange"), OperatorId.of("base")));

	@Test
	void takesTheOperatorFromTheHeaderAndTheOriginalPayload() {
		IngestItem item = this.records.toItem(record("{\"type\": \"LineErased\"}", "base"));

		assertThat(item.operator()).isEqualTo(OperatorId.of("base"));
		assertThat(item.unreadable()).isNull();
		assertThat(item.json().get("type").stringValue()).isEqualTo("LineErased");
		assertThat(item.payloadText()).isEqualTo("{\"type\": \"LineErased\"}");
		assertThat(item.location()).isEqualTo(Topics.OPERATOR_EVENTS_RAW.name() + "-3@42");
	}

	@Test
	void filesRecordsWithoutAKnownOperatorAsUnattributed() {
		assertThat(this.records.toItem(record("{}", null)).unreadable())
			.isEqualTo(new FieldError("header.keepline-operator", "required"));
		IngestItem unknown = this.records.toItem(record("{}", "acme"));
		assertThat(unknown.operator().value()).isEqualTo("unattributed");
		assertThat(unknown.unreadable()).isEqualTo(new FieldError("header.keepline-operator", "unknown_operator"));
	}

	@Test
	void marksUnparseableAndEmptyValues() {
		assertThat(this.records.toItem(record("{\"a\": ", "orange")).unreadable())
			.isEqualTo(new FieldError("$", "malformed_json"));
		assertThat(this.records.toItem(record("{\"a\": 1} {}", "orange")).unreadable())
			.isEqualTo(new FieldError("$", "malformed_json"));
		assertThat(this.records.toItem(record(null, "orange")).unreadable()).isEqualTo(new FieldError("$", "required"));
	}

	static ConsumerRecord<byte[], byte[]> record(String value, String operator) {
		ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.OPERATOR_EVENTS_RAW.name(), 3, 42, null,
				(value != null) ? value.getBytes(StandardCharsets.UTF_8) : null);
		if (operator != null) {
			record.headers().add(Topics.OPERATOR_HEADER, operator.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

}
