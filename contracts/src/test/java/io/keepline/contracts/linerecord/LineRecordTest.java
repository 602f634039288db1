package io.keepline.contracts.linerecord;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The line record is read by every service that needs a line's current truth: its JSON is
 * a contract like the events', its topic is compacted, and it never prints personal data.
 */
class LineRecordTest {

	@Test
	void theFixtureReadsAndWritesBackTheSameJson() throws IOException {
		byte[] json = fixture();

		LineRecord line = Topics.LINES.valueSerde().deserializer().deserialize(Topics.LINES.name(), json);
		byte[] written = Topics.LINES.valueSerde().serializer().serialize(Topics.LINES.name(), line);

		assertThat(EventJson.mapper().readTree(written)).isEqualTo(EventJson.mapper().readTree(json));
		assertThat(line.cycle()).isEqualTo(new CycleId(Msisdn.of("+32470123456"), LocalDate.parse("2026-12-31")));
		assertThat(line.autoRenewal().active()).isTrue();
		assertThat(line.payable(line.cycle())).isTrue();
		assertThat(line.payable(new CycleId(line.msisdn(), LocalDate.parse("2025-12-31")))).isFalse();
	}

	@Test
	void anUnknownFieldOrCycleStateIsRefusedByName() throws IOException {
		String json = new String(fixture(), java.nio.charset.StandardCharsets.UTF_8);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> Topics.LINES.valueSerde()
				.deserializer()
				.deserialize(Topics.LINES.name(), json.replace("\"OPEN\"", "\"ASLEEP\"").getBytes()))
			.withMessageContaining("cycleState");
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> Topics.LINES.valueSerde()
				.deserializer()
				.deserialize(Topics.LINES.name(), json.replace("\"plan\"", "\"plann\"").getBytes()))
			.withMessageContaining("plann");
	}

	@Test
	void onlyAnOpenCycleCanBePaid() throws IOException {
		LineRecord line = EventJson.read(fixture(), LineRecord.class);

		assertThat(withState(line, CycleState.RENEWED).payable(line.cycle())).isFalse();
		assertThat(withState(line, CycleState.CANCELLED).payable(line.cycle())).isFalse();
		assertThat(withState(line, CycleState.CANCELLED).managed()).isFalse();
		assertThat(withState(line, CycleState.PAYMENT_PENDING).payable(line.cycle())).isFalse();
		assertThat(withState(line, CycleState.LAPSED).payable(line.cycle())).isFalse();
	}

	@Test
	void itsTextNamesNoPersonalData() throws IOException {
		LineRecord line = EventJson.read(fixture(), LineRecord.class);

		assertThat(line.toString()).doesNotContain("470123456", "li@example.com", "Li Wei", "13800138000", "4242");
	}

	@Test
	void itsTopicKeepsTheLatestRecordPerLine() {
		assertThat(Topics.LINES.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG,
				TopicConfig.CLEANUP_POLICY_COMPACT);
	}

	private static LineRecord withState(LineRecord line, CycleState state) {
		return new LineRecord(line.msisdn(), line.operator(), line.plan(), line.validUntil(), state, line.price(),
				line.autoRenewal(), line.holder(), line.registeredAt(), line.updatedAt());
	}

	private static byte[] fixture() throws IOException {
		try (InputStream in = LineRecordTest.class.getResourceAsStream("/fixtures/linerecord/LineRecord.json")) {
			return in.readAllBytes();
		}
	}

}
