package io.keepline.ingest.ownership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineCancelled;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineOwner;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.topic.Topics;
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
 * The owners' global store follows line-events as the ownership rule says.
 */
class OwnershipTopologyTest {

	static final Msisdn LINE = Msisdn.of("+32470123456");

	static final OperatorId ORANGE = OperatorId.of("orange");

	static final OperatorId PROXIMUS = OperatorId.of("proximus");

	static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

	Path stateDir;

	TopologyTestDriver driver;

	TestInputTopic<Msisdn, LineEvent> lineEvents;

	KeyValueStore<Msisdn, LineOwner> owners;

	@BeforeEach
	void start() throws IOException {
		this.stateDir = Files.createTempDirectory("ingest-owners-test");
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-owners-test");
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		StreamsBuilder builder = new StreamsBuilder();
		OwnershipTopology.define(builder);
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.lineEvents = this.driver.createInputTopic(Topics.LINE_EVENTS.name(),
				Topics.LINE_EVENTS.keySerde().serializer(), Topics.LINE_EVENTS.valueSerde().serializer());
		this.owners = this.driver.getKeyValueStore(OwnershipTopology.STORE);
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
	void ownsALineByItsFirstRegistrationAndIgnoresAnotherOperatorsEvents() {
		send(registered(ORANGE));
		send(registered(PROXIMUS));
		send(new LineErased(UUID.randomUUID(), AT, LINE, PROXIMUS));

		assertThat(this.owners.get(LINE)).isEqualTo(LineOwner.of(ORANGE));
	}

	@Test
	void releasesACancelledLineToAPortAndForgetsAnErasedOne() {
		send(registered(ORANGE));
		send(new LineCancelled(UUID.randomUUID(), AT, LINE, ORANGE, "ported out"));
		assertThat(this.owners.get(LINE)).isEqualTo(LineOwner.of(ORANGE).release());

		send(registered(PROXIMUS));
		assertThat(this.owners.get(LINE)).isEqualTo(LineOwner.of(PROXIMUS));

		send(new LineErased(UUID.randomUUID(), AT, LINE, PROXIMUS));
		assertThat(this.owners.get(LINE)).isNull();
		// RocksDB's entry count is an estimate: look at the entries themselves
		try (KeyValueIterator<Msisdn, LineOwner> all = this.owners.all()) {
			assertThat(all.hasNext()).isFalse();
		}
	}

	@Test
	void storesNothingForEventsOnALineNobodyOwns() {
		send(new ValidityExtended(UUID.randomUUID(), AT, LINE, PROXIMUS, LocalDate.parse("2027-01-31")));
		send(new LineCancelled(UUID.randomUUID(), AT, LINE, PROXIMUS, null));

		assertThat(this.owners.get(LINE)).isNull();
	}

	@Test
	void keepsOwnersInAFewBytesAndReadsThemBack() {
		LineOwner released = LineOwner.of(ORANGE).release();

		byte[] bytes = OwnershipTopology.OWNER.serializer().serialize("t", released);

		assertThat(bytes).hasSizeLessThan(20);
		assertThat(OwnershipTopology.OWNER.deserializer().deserialize("t", bytes)).isEqualTo(released);
		assertThat(OwnershipTopology.OWNER.deserializer()
			.deserialize("t", OwnershipTopology.OWNER.serializer().serialize("t", LineOwner.of(PROXIMUS))))
			.isEqualTo(LineOwner.of(PROXIMUS));
	}

	void send(LineEvent event) {
		this.lineEvents.pipeInput(event.msisdn(), event);
	}

	static LineRegistered registered(OperatorId operator) {
		Holder holder = new Holder("Ana", "ana@example.com", null, null, HolderLocale.FR, ZoneId.of("Europe/Brussels"));
		return new LineRegistered(UUID.randomUUID(), AT, LINE, operator, operator + "-prepaid-15",
				LocalDate.parse("2027-01-31"), Money.of(1500, "EUR"), holder, null, false);
	}

}
