package io.keepline.contracts.linekey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PaymentEventSerdeTest {

	private static final String TOPIC = Topics.PAYMENT_EVENTS.name();

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

	private final DataKey dataKey = DataKey.of(LineCipherTest.randomDataKey());

	private final Map<LineKeyId, LineKey> keys = new HashMap<>();

	private final LineKeyring keyring = new StoredKeyring(this.keys::get, this.dataKey, this.clock, Duration.ZERO);

	private final PaymentMethodSaved saved = new PaymentMethodSaved(UUID.randomUUID(), this.clock.instant(), LINE,
			new PaymentMethodRef("cus_canary", "pm_canary", "canarybrand", "4971", 7, 2031), "seti_1", "evt_1");

	@Test
	void aSavedCardIsSealedBesideItsPlainStripeIdsAndOpensWithItsKey() {
		SealedEvent sealed = sealAndKeep(this.saved);

		String bytes = new String(sealed.value(), StandardCharsets.UTF_8);
		assertThat(bytes).doesNotContain("canarybrand", "4971", "2031", "\"expMonth\"", "\"last4\"");
		assertThat(bytes).contains("\"customerId\":\"cus_canary\"", "\"paymentMethodId\":\"pm_canary\"", "\"sealed\"");
		assertThat(sealed.keyId().msisdn()).isEqualTo(LINE);
		assertThat(new PaymentEventSerde(this.keyring).deserialize(TOPIC, sealed.value())).isEqualTo(this.saved);
	}

	@Test
	void theCataloguesSerdeReadsASealedCardAsUnknown() {
		SealedEvent sealed = sealAndKeep(this.saved);

		PaymentMethodSaved read = (PaymentMethodSaved) Topics.PAYMENT_EVENTS.valueSerde()
			.deserializer()
			.deserialize(TOPIC, sealed.value());

		assertThat(read.paymentMethod()).isEqualTo(this.saved.paymentMethod().withoutCard());
		assertThat(read.setupIntentId()).isEqualTo("seti_1");
	}

	@Test
	void aShreddedKeyLeavesTheCardUnknown() {
		SealedEvent sealed = sealAndKeep(this.saved);
		this.keys.remove(sealed.keyId());

		PaymentMethodSaved read = (PaymentMethodSaved) new PaymentEventSerde(this.keyring).deserialize(TOPIC,
				sealed.value());

		assertThat(read.paymentMethod()).isEqualTo(this.saved.paymentMethod().withoutCard());
		assertThat(read.eventId()).isEqualTo(this.saved.eventId());
	}

	@Test
	void aPlainRecordWrittenBeforeTheSealingIsReadWithItsCard() {
		byte[] plain = Topics.PAYMENT_EVENTS.valueSerde().serializer().serialize(TOPIC, this.saved);

		assertThat(new PaymentEventSerde(this.keyring).deserialize(TOPIC, plain)).isEqualTo(this.saved);
		assertThat(Topics.PAYMENT_EVENTS.valueSerde().deserializer().deserialize(TOPIC, plain)).isEqualTo(this.saved);
	}

	@Test
	void anEventWithoutACardNeedsNoKey() {
		AutoRenewalStopped stopped = new AutoRenewalStopped(UUID.randomUUID(), this.clock.instant(), LINE,
				this.clock.instant());
		PaymentMethodSaved noCard = new PaymentMethodSaved(UUID.randomUUID(), this.clock.instant(), LINE,
				this.saved.paymentMethod().withoutCard(), "seti_2", null);
		CardSealer sealer = new CardSealer(this.dataKey, this.clock);

		for (PaymentEvent event : new PaymentEvent[] { stopped, noCard }) {
			SealedEvent sealed = sealer.seal(event);
			assertThat(sealed.keyed()).as("%s", event).isFalse();
			assertThat(new PaymentEventSerde(this.keyring).deserialize(TOPIC, sealed.value())).isEqualTo(event);
		}
	}

	@Test
	void aCardMovedToAnotherLineIsRefused() {
		SealedEvent sealed = sealAndKeep(this.saved);
		Msisdn other = Msisdn.of("+32470999999");
		String moved = new String(sealed.value(), StandardCharsets.UTF_8).replace(LINE.value(), other.value());
		LineKeyId otherId = new LineKeyId(other, sealed.keyId().id());
		this.keys.put(otherId,
				this.dataKey.wrap(otherId, this.dataKey.unwrap(sealed.keyId(), sealed.key()), this.clock.instant()));

		assertThatExceptionOfType(SerializationException.class).isThrownBy(
				() -> new PaymentEventSerde(this.keyring).deserialize(TOPIC, moved.getBytes(StandardCharsets.UTF_8)))
			.withCauseInstanceOf(SealBrokenException.class);
	}

	private SealedEvent sealAndKeep(PaymentEvent event) {
		SealedEvent sealed = new CardSealer(this.dataKey, this.clock).seal(event);
		assertThat(sealed.keyed()).isTrue();
		this.keys.put(sealed.keyId(), sealed.key());
		return sealed;
	}

}
