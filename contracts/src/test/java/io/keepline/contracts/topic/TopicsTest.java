package io.keepline.contracts.topic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TopicsTest {

	private static final String RAW = Topics.OPERATOR_EVENTS_RAW_PREFIX;

	@Test
	void everyTopicIsVersionedUniqueAndLaidOutForTwelvePartitions() {
		assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates().allMatch((n) -> n.endsWith(".v1"));
		assertThat(Topics.all()).allSatisfy((topic) -> assertThat(topic.partitions()).isEqualTo(12));
	}

	@Test
	void theSystemOfRecordIsKeptForever() {
		assertThat(Topics.LINE_EVENTS.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
		assertThat(Topics.PAYMENT_EVENTS.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
		assertThat(Topics.REJECTED_EVENTS.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG,
				Long.toString(30L * 24 * 3600 * 1000));
	}

	@Test
	void deadLettersUseSpringKafkasSuffix() {
		assertThat(Topics.DEADLINE_EVENTS.deadLetter()).isEqualTo(Topics.DEADLINE_EVENTS.name() + "-dlt");
	}

	@Test
	void aTopicAndItsDeadLettersAreCreatedWithTheSameLayout() {
		Topic<?, ?> topic = Topics.DEADLINE_EVENTS;

		assertThat(topic.newTopic().name()).isEqualTo(topic.name());
		assertThat(topic.newDeadLetterTopic().name()).isEqualTo(topic.deadLetter());
		assertThat(topic.newTopic().configs()).isEqualTo(topic.configs());
		assertThat(List.of(topic.newTopic(), topic.newDeadLetterTopic())).allSatisfy((created) -> {
			assertThat(created.numPartitions()).isEqualTo(12);
			assertThat(created.replicationFactor()).isEqualTo((short) -1);
		});
	}

	/** Dead letters of a topic kept forever, or compacted, still go within the bound. */
	@Test
	void deadLettersAreDeletedWithinTheErasureBound() {
		long thirtyDays = Duration.ofDays(30).toMillis();
		for (Topic<?, ?> topic : List.of(Topics.LINE_EVENTS, Topics.LINES, Topics.PAYMENT_EVENTS,
				Topics.DEADLINE_EVENTS)) {
			assertThat(topic.newDeadLetterTopic().configs())
				.containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(thirtyDays))
				.containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
		}
		assertThat(
				Topics.operatorEventsRaw(OperatorId.of("orange")).newHeldCopyTopic("x", Duration.ofDays(30)).configs())
			.containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis()));
	}

	/** The catalogue topic a name belongs to: itself, its dead letters or its retries. */
	@Test
	void namesOfDeadLetterAndRetryTopicsLeadBackToTheirCatalogueTopic() {
		assertThat(Topics.owning(Topics.DEADLINE_EVENTS.deadLetter())).contains(Topics.DEADLINE_EVENTS);
		assertThat(Topics.owning(Topics.DEADLINE_EVENTS.name() + "-retry-2")).contains(Topics.DEADLINE_EVENTS);
		assertThat(Topics.owning(Topics.LINE_EVENTS.name())).contains(Topics.LINE_EVENTS);
		assertThat(Topics.owning("somebody-elses-topic")).isEmpty();
	}

	@Test
	void eachOperatorHasARawTopicOfItsOwnNamedForItsPrefixedAcl() {
		OperatorId orange = OperatorId.of("orange");
		Topic<String, byte[]> raw = Topics.operatorEventsRaw(orange);

		assertThat(raw.name()).isEqualTo(Topics.OPERATOR_EVENTS_RAW_PREFIX + "orange.v1")
			.startsWith(Topics.operatorEventsRawPrefix(orange))
			.startsWith(Topics.OPERATOR_EVENTS_RAW_PREFIX);
		assertThat(raw).isEqualTo(Topics.operatorEventsRaw(OperatorId.of("orange")));
		assertThat(Topics.operatorEventsRaw(OperatorId.of("orange-be")).name())
			.doesNotStartWith(Topics.operatorEventsRawPrefix(orange));
		assertThat(raw.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(7L * 24 * 3600 * 1000));
		assertThat(Topics.all()).doesNotContain(raw);
	}

	@Test
	void theNotifiersHolderRemindersAreKnownWithTheirDeadLettersThoughNotInTheCatalogueList() {
		assertThat(Topics.all()).doesNotContain(Topics.HOLDER_REMINDERS);
		assertThat(Topics.owning(Topics.HOLDER_REMINDERS.deadLetter())).contains(Topics.HOLDER_REMINDERS);
		assertThat(Topics.HOLDER_REMINDERS.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG,
				Long.toString(2L * 24 * 3600 * 1000));
	}

	@Test
	void theOperatorOfARawTopicIsReadFromItsNameOnly() {
		assertThat(Topics.operatorOfRaw(RAW + "proximus.v1")).contains(OperatorId.of("proximus"));
		assertThat(Topics.operatorOfRaw(RAW + "proximus.v1-dlt")).isEmpty();
		assertThat(Topics.operatorOfRaw(RAW + "Proximus.v1")).isEmpty();
		assertThat(Topics.operatorOfRaw(RAW + "v1")).isEmpty();
		assertThat(Topics.operatorOfRaw(Topics.LINE_EVENTS.name())).isEmpty();
	}

	@Test
	void deadLettersOfARawTopicLeadBackToThatOperatorsRawTopic() {
		Topic<String, byte[]> raw = Topics.operatorEventsRaw(OperatorId.of("base"));

		assertThat(Topics.owning(raw.deadLetter())).contains(raw);
		assertThat(Topics.owning(raw.name())).contains(raw);
		assertThat(Topics.owning(RAW + "base.v1x")).isEmpty();
		assertThat(Topics.owning(RAW + "v1-dlt")).isEmpty();
	}

	@Test
	void keysAndValuesRoundTripThroughTheCatalogueSerdes() {
		Msisdn msisdn = Msisdn.of("+32470123456");
		LineEvent event = new LineErased(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"), msisdn,
				OperatorId.of("base"));
		Topic<Msisdn, LineEvent> topic = Topics.LINE_EVENTS;

		byte[] key = topic.keySerde().serializer().serialize(topic.name(), msisdn);
		byte[] value = topic.valueSerde().serializer().serialize(topic.name(), event);

		assertThat(new String(key)).isEqualTo("+32470123456");
		assertThat(topic.keySerde().deserializer().deserialize(topic.name(), key)).isEqualTo(msisdn);
		assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), value)).isEqualTo(event);
	}

	@Test
	void anUnreadableRecordFailsWithTheFieldAndNoPersonalData() {
		byte[] poison = "{\"type\":\"LineErased\",\"msisdn\":\"+32470999999\",\"operator\":\"base\"}".getBytes();

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> Topics.LINE_EVENTS.valueSerde().deserializer().deserialize("t", poison))
			.withMessageContaining("eventId: required")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("470999999"));
	}

	@Test
	void eachOperatorHasANoticeTopicOfItsOwnKeptThirtyDays() {
		OperatorId orange = OperatorId.of("orange");
		Topic<?, ?> notices = Topics.operatorNotices(orange);

		assertThat(notices.name()).isEqualTo(Topics.OPERATOR_NOTICES_PREFIX + "orange.v1")
			.startsWith(Topics.operatorNoticesPrefix(orange));
		assertThat(Topics.operatorNotices(OperatorId.of("orange-be")).name())
			.doesNotStartWith(Topics.operatorNoticesPrefix(orange));
		assertThat(notices.partitions()).isEqualTo(12);
		assertThat(notices.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG,
				Long.toString(30L * 24 * 3600 * 1000));
		assertThat(Topics.operatorOfNotices(notices.name())).contains(orange);
		assertThat(Topics.operatorOfNotices(notices.deadLetter())).isEmpty();
		assertThat(Topics.owning(notices.deadLetter())).contains(notices);
		assertThat(Topics.owning(Topics.OPERATOR_NOTICES_PREFIX + "orange.v1x")).isEmpty();
		assertThat(Topics.all()).doesNotContain(notices);
	}

}
