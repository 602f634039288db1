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
	void takesTheOperatorFromTheTopicAndTheOriginalPayload() {
		IngestItem item = this.records.toItem(record("{\"type\": \"LineErased\"}", "base"));

		assertThat(item.operator()).isEqualTo(OperatorId.of("base"));
		assertThat(item.unreadable()).isNull();
		assertThat(item.json().get("type").stringValue()).isEqualTo("LineErased");
		assertThat(item.payloadText()).isEqualTo("{\"type\": \"LineErased\"}");
		assertThat(item.location()).isEqualTo(Topics.operatorEventsRaw(OperatorId.of("base")).name() + "-3@42");
	}

	@Test
	void ignoresAHeaderThatClaimsAnotherOperator() {
		ConsumerRecord<byte[], byte[]> record = record("{}", "base");
		record.headers().add(RawRecords.FORMER_OPERATOR_HEADER, "orange".getBytes(StandardCharsets.UTF_8));

		assertThat(this.records.toItem(record).operator()).isEqualTo(OperatorId.of("base"));
	}

	@Test
	void filesRecordsOfAnUnknownOperatorsTopicAsUnattributed() {
		IngestItem unknown = this.records.toItem(record("{}", "acme"));
		assertThat(unknown.operator().value()).isEqualTo("unattributed");
		assertThat(unknown.unreadable()).isEqualTo(new FieldError("topic", "unknown_operator"));
		IngestItem foreign = this.records.toItem(new ConsumerRecord<>(Topics.LINE_EVENTS.name(), 0, 0, null, null));
		assertThat(foreign.unreadable()).isEqualTo(new FieldError("topic", "unknown_operator"));
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
		return new ConsumerRecord<>(Topics.operatorEventsRaw(OperatorId.of(operator)).name(), 3, 42, null,
				(value != null) ? value.getBytes(StandardCharsets.UTF_8) : null);
	}

}
