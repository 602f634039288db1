package io.keepline.payments.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.linekey.CardSealer;
import io.keepline.contracts.linekey.DataKey;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.support.kafka.CompactionBound;
import io.keepline.support.kafka.DeadLetters;
import io.keepline.support.streams.KeyMismatchHandler;
import io.keepline.support.streams.StreamsDefaults;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments' global stores with the service's Streams configuration (only the dead-letter
 * destination replaced): line records as the scheduler writes them (a tombstone removes
 * the line), and payment histories folded from payment-events, skipping what it cannot
 * read or what is keyed by another line.
 */
class PaymentsTopologyTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Msisdn OTHER = Msisdn.of("+32470654321");

	@TempDir
	Path state;

	private final List<ConsumerRecord<?, ?>> deadLetters = new ArrayList<>();

	private final List<Exception> causes = new ArrayList<>();

	@Test
	void holdsEachLinesLatestRecordUntilItsTombstone() {
		try (TopologyTestDriver driver = driver()) {
			TestInputTopic<Msisdn, LineRecord> lines = driver.createInputTopic(Topics.LINES.name(),
					Topics.LINES.keySerde().serializer(), Topics.LINES.valueSerde().serializer());
			lines.pipeInput(LINE, record(LINE, "2026-12-31", CycleState.OPEN));
			lines.pipeInput(OTHER, record(OTHER, "2026-12-31", CycleState.OPEN));
			lines.pipeInput(LINE, record(LINE, "2027-12-31", CycleState.OPEN));
			lines.pipeInput(OTHER, (LineRecord) null);

			KeyValueStore<Msisdn, LineRecord> records = driver.getKeyValueStore(PaymentsTopology.LINES);
			assertThat(records.get(LINE).validUntil()).isEqualTo(LocalDate.parse("2027-12-31"));
			assertThat(records.get(OTHER)).isNull();
		}
	}

	@Test
	void foldsPaymentEventsSkippingWhatItCannotReadOrWhatIsKeyedByAnotherLine() {
		try (TopologyTestDriver driver = driver()) {
			TestInputTopic<byte[], byte[]> payments = driver.createInputTopic(Topics.PAYMENT_EVENTS.name(),
					new ByteArraySerializer(), new ByteArraySerializer());
			payments.pipeInput(bytes(LINE.value()), bytes("not json {"));
			payments.pipeInput(bytes(OTHER.value()), json(succeeded(LINE, "pi_other")));
			payments.pipeInput(bytes(LINE.value()), json(succeeded(LINE, "pi_1")));

			KeyValueStore<Msisdn, PaymentHistory> histories = driver.getKeyValueStore(PaymentsTopology.HISTORY);
			assertThat(histories.get(OTHER)).isNull();
			assertThat(histories.get(LINE).payments()).singleElement()
				.satisfies((payment) -> assertThat(payment.paymentIntentId()).isEqualTo("pi_1"));
			assertThat(histories.get(LINE).paidBy(LocalDate.parse("2026-12-31"))).isPresent();
		}
	}

	/**
	 * An erased line's history keeps its payments (the duplicate checks) and the Stripe
	 * customer to delete, not the card or the codes; an event read after the erasure, or
	 * refolded on restore, is folded the same way.
	 */
	@Test
	void aTombstoneMakesTheLinesHistoryForgetTheCardAndTheCodes() {
		try (TopologyTestDriver driver = driver()) {
			TestInputTopic<Msisdn, LineRecord> lines = driver.createInputTopic(Topics.LINES.name(),
					Topics.LINES.keySerde().serializer(), Topics.LINES.valueSerde().serializer());
			TestInputTopic<byte[], byte[]> payments = driver.createInputTopic(Topics.PAYMENT_EVENTS.name(),
					new ByteArraySerializer(), new ByteArraySerializer());
			lines.pipeInput(LINE, record(LINE, "2026-12-31", CycleState.OPEN));
			payments.pipeInput(bytes(LINE.value()), json(succeeded(LINE, "pi_1")));
			payments.pipeInput(bytes(LINE.value()), json(new PaymentMethodSaved(UUID.randomUUID(), Instant.now(), LINE,
					new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030), "seti_1", null)));
			KeyValueStore<Msisdn, PaymentHistory> histories = driver.getKeyValueStore(PaymentsTopology.HISTORY);
			assertThat(histories.get(LINE).savedMethod()).isNotNull();

			lines.pipeInput(LINE, (LineRecord) null);
			payments.pipeInput(bytes(LINE.value()), json(new PaymentMethodSaved(UUID.randomUUID(), Instant.now(), LINE,
					new PaymentMethodRef("cus_2", "pm_2", "visa", "1881", 1, 2031), "seti_2", null)));

			PaymentHistory forgotten = histories.get(LINE);
			assertThat(forgotten.savedMethod()).isNull();
			assertThat(forgotten.methodSavedAt()).isNull();
			assertThat(forgotten.codeRequests()).isEmpty();
			assertThat(forgotten.customers()).containsExactly("cus_1", "cus_2");
			assertThat(forgotten.paidBy(LocalDate.parse("2026-12-31"))).isPresent();
		}
	}

	/**
	 * A card sealed on payment-events reads as unknown: the history learns it from the
	 * line record (at once when the record already shows it, else from the record the
	 * scheduler writes after opening it), and forgets it with the record.
	 */
	@Test
	void aSealedCardIsLearnedFromTheLineRecordAndForgottenWithIt() {
		try (TopologyTestDriver driver = driver()) {
			TestInputTopic<Msisdn, LineRecord> lines = driver.createInputTopic(Topics.LINES.name(),
					Topics.LINES.keySerde().serializer(), Topics.LINES.valueSerde().serializer());
			TestInputTopic<byte[], byte[]> payments = driver.createInputTopic(Topics.PAYMENT_EVENTS.name(),
					new ByteArraySerializer(), new ByteArraySerializer());
			KeyValueStore<Msisdn, PaymentHistory> histories = driver.getKeyValueStore(PaymentsTopology.HISTORY);
			CardSealer sealer = new CardSealer(DataKey.of("a2VlcGxpbmUtdGVzdC1vbmx5LWRhdGEta2V5LTAwMDE="),
					Clock.systemUTC());
			LineRecord noCardYet = record(LINE, "2026-12-31", CycleState.OPEN);
			lines.pipeInput(LINE, noCardYet);
			payments.pipeInput(bytes(LINE.value()),
					sealer
						.seal(new PaymentMethodSaved(UUID.randomUUID(), Instant.now(), LINE,
								new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030), "seti_1", null))
						.value());
			assertThat(histories.get(LINE).savedMethod())
				.isEqualTo(new PaymentMethodRef("cus_1", "pm_1", null, null, 0, 0));

			lines.pipeInput(LINE, withCard(noCardYet, new SavedMethod("visa", "4242", 12, 2030)));
			assertThat(histories.get(LINE).savedMethod())
				.isEqualTo(new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030));

			payments.pipeInput(bytes(LINE.value()),
					sealer
						.seal(new PaymentMethodSaved(UUID.randomUUID(), Instant.now(), LINE,
								new PaymentMethodRef("cus_1", "pm_2", "mastercard", "5454", 3, 2032), "seti_2", null))
						.value());
			lines.pipeInput(LINE, withCard(noCardYet, new SavedMethod("mastercard", "5454", 3, 2032)));
			assertThat(histories.get(LINE).savedMethod())
				.isEqualTo(new PaymentMethodRef("cus_1", "pm_2", "mastercard", "5454", 3, 2032));

			lines.pipeInput(LINE, (LineRecord) null);
			assertThat(histories.get(LINE).savedMethod()).isNull();
			assertThat(histories.get(LINE).customers()).containsExactly("cus_1");
		}
	}

	private TopologyTestDriver driver() {
		Properties config = serviceStreamsConfiguration();
		ConsumerRecordRecoverer recording = (record, ex) -> {
			this.deadLetters.add(record);
			this.causes.add(ex);
		};
		config.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recording);
		config.put(KeyMismatchHandler.RECOVERER, recording);
		StreamsBuilder builder = new StreamsBuilder();
		PaymentsTopology.define(builder);
		return new TopologyTestDriver(builder.build(), config);
	}

	/**
	 * What the service runs with: its {@code application.yml} over Keepline's defaults,
	 * then service-support's Streams defaults; only the state directory is this test's.
	 */
	private Properties serviceStreamsConfiguration() {
		StandardEnvironment environment = new StandardEnvironment();
		try {
			new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
				.forEach(environment.getPropertySources()::addLast);
			environment.getPropertySources()
				.addLast(new ResourcePropertySource(new ClassPathResource("keepline-defaults.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		KafkaProperties kafka = Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class);
		kafka.getStreams().setStateDir(this.state.toString());
		StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(
				new KafkaStreamsConfiguration(kafka.buildStreamsProperties()));
		new StreamsDefaults(new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of()))),
				CompactionBound.DEFAULTS)
			.configure(factory);
		return factory.getStreamsConfiguration();
	}

	private static LineRecord record(Msisdn msisdn, String validUntil, CycleState state) {
		Holder holder = new Holder(null, "h@example.com", null, null, HolderLocale.FR, ZoneId.of("Europe/Brussels"));
		return new LineRecord(msisdn, OperatorId.of("orange"), "orange-prepaid-15", LocalDate.parse(validUntil), state,
				Money.of(1500, "EUR"), AutoRenewal.OFF, holder, Instant.parse("2026-01-01T00:00:00Z"), Instant.now());
	}

	private static LineRecord withCard(LineRecord line, SavedMethod card) {
		return new LineRecord(line.msisdn(), line.operator(), line.plan(), line.validUntil(), line.cycleState(),
				line.price(), new AutoRenewal(true, true, card), line.holder(), line.registeredAt(), Instant.now());
	}

	private static PaymentSucceeded succeeded(Msisdn msisdn, String paymentIntent) {
		return new PaymentSucceeded(UUID.randomUUID(), Instant.now(), msisdn, LocalDate.parse("2026-12-31"),
				Money.of(1500, "EUR"), PaymentSource.CHECKOUT, null, paymentIntent, "evt_" + paymentIntent);
	}

	private static byte[] json(PaymentEvent event) {
		return Topics.PAYMENT_EVENTS.valueSerde().serializer().serialize(null, event);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
