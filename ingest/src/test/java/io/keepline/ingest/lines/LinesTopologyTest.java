package io.keepline.ingest.lines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator API's global stores follow their topics: the per-operator index moves a
 * ported line and forgets an erased one; every event type of the four timeline topics has
 * a summary without holder data; timelines stay bounded.
 */
class LinesTopologyTest {

	static final Msisdn LINE = Msisdn.of("+32470123456");

	static final OperatorId ORANGE = OperatorId.of("orange");

	static final OperatorId PROXIMUS = OperatorId.of("proximus");

	Path stateDir;

	TopologyTestDriver driver;

	TestInputTopic<Msisdn, LineRecord> lines;

	TestInputTopic<Msisdn, LineEvent> lineEvents;

	KeyValueStore<String, byte[]> index;

	@BeforeEach
	void start() throws IOException {
		this.stateDir = Files.createTempDirectory("ingest-lines-test");
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-lines-test");
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		StreamsBuilder builder = new StreamsBuilder();
		LinesTopology.define(builder);
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.lines = this.driver.createInputTopic(Topics.LINES.name(), Topics.LINES.keySerde().serializer(),
				Topics.LINES.valueSerde().serializer());
		this.lineEvents = this.driver.createInputTopic(Topics.LINE_EVENTS.name(),
				Topics.LINE_EVENTS.keySerde().serializer(), Topics.LINE_EVENTS.valueSerde().serializer());
		this.index = this.driver.getKeyValueStore(LinesTopology.INDEX);
	}

	@AfterEach
	void stop() {
		this.driver.close();
		try {
			FileSystemUtils.deleteRecursively(this.stateDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void indexesALineUnderItsOperatorMovesItWhenPortedAndForgetsItOnErasure() {
		this.lines.pipeInput(LINE, record(ORANGE, CycleState.OPEN));
		assertThat(keys()).containsExactlyInAnyOrder("m/+32470123456", "o/orange/+32470123456");
		assertThat(OperatorLineIndex.summary(this.index.get("o/orange/+32470123456")).cycleState())
			.isEqualTo(CycleState.OPEN);

		this.lines.pipeInput(LINE, record(PROXIMUS, CycleState.LAPSED));
		assertThat(keys()).containsExactlyInAnyOrder("m/+32470123456", "o/proximus/+32470123456");

		this.lines.pipeInput(LINE, null);
		assertThat(keys()).isEmpty();
	}

	@Test
	void summarisesEveryEventTypeOfTheTimelineTopicsWithoutHolderData() {
		List<KeeplineEvent> samples = new ArrayList<>();
		samples.addAll(EventSamples.everyPermitted(LineEvent.class));
		samples.addAll(EventSamples.everyPermitted(DeadlineEvent.class));
		samples.addAll(EventSamples.everyPermitted(PaymentEvent.class));
		samples.addAll(EventSamples.everyPermitted(NotificationEvent.class));

		assertThat(samples).allSatisfy((event) -> assertThat(TimelineSummaries.of(event)).isNotBlank()
			.doesNotContain("@", "Li Wei", "+8613800138000", "4242"));
	}

	@Test
	void keepsABoundedTimelineAndEmptiesTheLineEventsOneOnErasure() {
		for (int i = 0; i < LinesTopology.TIMELINE_MAX + 5; i++) {
			this.lineEvents.pipeInput(LINE,
					new ValidityExtended(UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), LINE,
							ORANGE, LocalDate.of(2027, 1, 1).plusDays(i)));
		}
		KeyValueStore<Msisdn, LineFact.Entries> timeline = this.driver
			.getKeyValueStore(LinesTopology.TIMELINES.get(0).store());
		List<LineFact> entries = timeline.get(LINE).entries();
		assertThat(entries).hasSize(LinesTopology.TIMELINE_MAX);
		assertThat(entries.get(entries.size() - 1).summary())
			.isEqualTo("validity extended to " + LocalDate.of(2027, 1, 1).plusDays(LinesTopology.TIMELINE_MAX + 4));

		this.lineEvents.pipeInput(LINE, new LineErased(UUID.randomUUID(), Instant.now(), LINE, ORANGE));
		assertThat(timeline.get(LINE)).isNull();
	}

	/** The line's deadline, payment and notification entries go with its record. */
	@Test
	void emptiesEveryTimelineOfALineWhoseRecordIsTombstoned() {
		TestInputTopic<Msisdn, DeadlineEvent> deadlines = this.driver.createInputTopic(Topics.DEADLINE_EVENTS.name(),
				Topics.DEADLINE_EVENTS.keySerde().serializer(), Topics.DEADLINE_EVENTS.valueSerde().serializer());
		DeadlineEvent deadline = EventSamples.everyPermitted(DeadlineEvent.class).get(0);
		this.lines.pipeInput(deadline.msisdn(), record(ORANGE, CycleState.OPEN));
		deadlines.pipeInput(deadline.msisdn(), deadline);
		KeyValueStore<Msisdn, LineFact.Entries> timeline = this.driver
			.getKeyValueStore(LinesTopology.TIMELINES.get(1).store());
		assertThat(timeline.get(deadline.msisdn())).isNotNull();

		this.lines.pipeInput(deadline.msisdn(), null);

		assertThat(timeline.get(deadline.msisdn())).isNull();
	}

	private List<String> keys() {
		List<String> keys = new ArrayList<>();
		try (KeyValueIterator<String, byte[]> all = this.index.all()) {
			all.forEachRemaining((KeyValue<String, byte[]> entry) -> keys.add(entry.key));
		}
		return keys;
	}

	private static LineRecord record(OperatorId operator, CycleState state) {
		Holder holder = new Holder("Li Wei", "li@example.com", null, (URI) null, HolderLocale.EN,
				ZoneId.of("Europe/Brussels"));
		return new LineRecord(LINE, operator, "prepaid-15", LocalDate.of(2026, 12, 31), state, Money.of(1500, "EUR"),
				AutoRenewal.OFF, holder, Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:00:00Z"));
	}

}
