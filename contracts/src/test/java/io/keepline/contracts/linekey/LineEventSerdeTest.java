package io.keepline.contracts.linekey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LineEventSerdeTest {

	private static final String TOPIC = Topics.LINE_EVENTS.name();

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

	private final DataKey dataKey = DataKey.of(LineCipherTest.randomDataKey());

	private final Map<LineKeyId, LineKey> keys = new HashMap<>();

	private final LineKeyring keyring = new StoredKeyring(this.keys::get, this.dataKey, this.clock, Duration.ZERO);

	private final LineRegistered registered = EventSamples.everyPermitted(LineEvent.class)
		.stream()
		.filter(LineRegistered.class::isInstance)
		.map(LineRegistered.class::cast)
		.findFirst()
		.orElseThrow();

	@Test
	void aSealedRegistrationCarriesNoContactInPlainAndOpensWithItsKey() {
		SealedEvent sealed = sealAndKeep(this.registered);

		String bytes = new String(sealed.value(), StandardCharsets.UTF_8);
		assertThat(bytes).doesNotContain(this.registered.holder().name(), this.registered.holder().email(),
				this.registered.holder().sms().value());
		assertThat(bytes).contains("\"locale\":\"" + this.registered.holder().locale().code() + "\"",
				this.registered.holder().timeZone().getId());
		assertThat(new LineEventSerde(this.keyring).deserialize(TOPIC, sealed.value())).isEqualTo(this.registered);
	}

	@Test
	void theCataloguesSerdeReadsASealedContactAsUnknown() {
		SealedEvent sealed = sealAndKeep(this.registered);

		LineRegistered read = (LineRegistered) Topics.LINE_EVENTS.valueSerde()
			.deserializer()
			.deserialize(TOPIC, sealed.value());

		assertThat(read.holder()).isEqualTo(this.registered.holder().withoutContact());
		assertThat(read.holder().contactKnown()).isFalse();
		assertThat(read.plan()).isEqualTo(this.registered.plan());
	}

	@Test
	void aShreddedKeyLeavesTheContactUnknown() {
		SealedEvent sealed = sealAndKeep(this.registered);
		this.keys.remove(sealed.keyId());

		LineRegistered read = (LineRegistered) new LineEventSerde(this.keyring).deserialize(TOPIC, sealed.value());

		assertThat(read.holder().contactKnown()).isFalse();
		assertThat(read.eventId()).isEqualTo(this.registered.eventId());
	}

	@Test
	void aPlainRecordIsReadAsBefore() {
		byte[] plain = Topics.LINE_EVENTS.valueSerde().serializer().serialize(TOPIC, this.registered);

		assertThat(new LineEventSerde(this.keyring).deserialize(TOPIC, plain)).isEqualTo(this.registered);
		assertThat(Topics.LINE_EVENTS.valueSerde().deserializer().deserialize(TOPIC, plain)).isEqualTo(this.registered);
	}

	@Test
	void anUpdateWithoutHolderNeedsNoKey() {
		HolderUpdated update = new HolderUpdated(this.registered.eventId(), this.registered.occurredAt(),
				this.registered.msisdn(), this.registered.operator(), null, null, true);

		SealedEvent sealed = new ContactSealer(this.dataKey, this.clock).seal(update);

		assertThat(sealed.keyed()).isFalse();
		assertThat(new LineEventSerde(this.keyring).deserialize(TOPIC, sealed.value())).isEqualTo(update);
	}

	@Test
	void aSealMovedToAnotherLineIsRefused() {
		SealedEvent sealed = sealAndKeep(this.registered);
		String moved = new String(sealed.value(), StandardCharsets.UTF_8).replace(this.registered.msisdn().value(),
				"+32470999999");
		this.keys.put(new LineKeyId(Msisdn.of("+32470999999"), sealed.keyId().id()),
				this.dataKey.wrap(new LineKeyId(Msisdn.of("+32470999999"), sealed.keyId().id()),
						this.dataKey.unwrap(sealed.keyId(), sealed.key()), this.clock.instant()));

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(
					() -> new LineEventSerde(this.keyring).deserialize(TOPIC, moved.getBytes(StandardCharsets.UTF_8)))
			.withCauseInstanceOf(SealBrokenException.class);
	}

	@Test
	void aMalformedSealedRecordNamesTheField() {
		SealedEvent sealed = sealAndKeep(this.registered);
		String broken = new String(sealed.value(), StandardCharsets.UTF_8).replace("\"plan\"", "\"plan!\"");

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(
					() -> new LineEventSerde(this.keyring).deserialize(TOPIC, broken.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("plan");
	}

	private SealedEvent sealAndKeep(LineEvent event) {
		SealedEvent sealed = new ContactSealer(this.dataKey, this.clock).seal(event);
		assertThat(sealed.keyed()).isTrue();
		this.keys.put(sealed.keyId(), sealed.key());
		return sealed;
	}

}
