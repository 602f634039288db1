package io.keepline.scheduler.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.linekey.CardSealer;
import io.keepline.contracts.linekey.DataKey;
import io.keepline.contracts.linekey.LineKey;
import io.keepline.contracts.linekey.LineKeyId;
import io.keepline.contracts.linekey.SealedEvent;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.deadline.EngineSettings;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KeyShredderTest {

	private static final Instant ERASED_AT = Instant.parse("2026-12-07T10:00:00Z");

	private static final Msisdn ERASED = Msisdn.of("+32470123456");

	private static final Msisdn OTHER = Msisdn.of("+32470654321");

	@TempDir
	Path state;

	@Test
	void tombstonesEveryKeyOfTheErasedLineMadeBeforeTheErasureAndNoOther() {
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "key-shredder-test");
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.state.toString());
		try (TopologyTestDriver driver = new TopologyTestDriver(SchedulerTopology.build(EngineSettings.defaults(),
				Clock.fixed(ERASED_AT, ZoneOffset.UTC), EngineListener.NONE), config, ERASED_AT)) {
			TestInputTopic<LineKeyId, LineKey> keys = driver.createInputTopic(Topics.LINE_KEYS.name(),
					Topics.LINE_KEYS.keySerde().serializer(), Topics.LINE_KEYS.valueSerde().serializer());
			TestInputTopic<Msisdn, LineEvent> lines = driver.createInputTopic(Topics.LINE_EVENTS.name(),
					Topics.LINE_EVENTS.keySerde().serializer(), Topics.LINE_EVENTS.valueSerde().serializer());
			TestOutputTopic<LineKeyId, LineKey> shredded = driver.createOutputTopic(Topics.LINE_KEYS.name(),
					Topics.LINE_KEYS.keySerde().deserializer(), Topics.LINE_KEYS.valueSerde().deserializer());
			LineKeyId registration = key(keys, ERASED, ERASED_AT.minus(Duration.ofDays(3)));
			LineKeyId secondWriters = key(keys, ERASED, ERASED_AT.minusMillis(1));
			LineKeyId paymentsCard = cardKey(keys, ERASED_AT.minus(Duration.ofHours(2)));
			key(keys, ERASED, ERASED_AT.plusMillis(1));
			key(keys, OTHER, ERASED_AT.minus(Duration.ofDays(1)));

			lines.pipeInput(ERASED, new LineErased(UUID.randomUUID(), ERASED_AT, ERASED, OperatorId.of("orange")),
					ERASED_AT);

			assertThat(shredded.readRecordsToList()).allSatisfy((record) -> assertThat(record.value()).isNull())
				.extracting(TestRecord::key)
				.containsExactlyInAnyOrder(registration, secondWriters, paymentsCard);
		}
	}

	/** The key payments writes before a saved card it sealed. */
	private static LineKeyId cardKey(TestInputTopic<LineKeyId, LineKey> keys, Instant createdAt) {
		SealedEvent sealed = new CardSealer(DataKey.of("a2VlcGxpbmUtdGVzdC1vbmx5LWRhdGEta2V5LTAwMDE="),
				Clock.fixed(createdAt, ZoneOffset.UTC))
			.seal(new PaymentMethodSaved(UUID.randomUUID(), createdAt, ERASED,
					new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2040), "seti_1", null));
		keys.pipeInput(sealed.keyId(), sealed.key(), createdAt);
		return sealed.keyId();
	}

	private static LineKeyId key(TestInputTopic<LineKeyId, LineKey> keys, Msisdn msisdn, Instant createdAt) {
		LineKeyId id = LineKeyId.random(msisdn);
		keys.pipeInput(id, new LineKey(new byte[] { 1, 2, 3 }, createdAt), createdAt);
		return id;
	}

}
