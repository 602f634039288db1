package io.keepline.payments.view;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.PaymentsSettings.Mode;
import io.keepline.payments.PaymentsSettings.StripeSettings;
import io.keepline.payments.PaymentsSettings;
import io.keepline.support.streams.KeyMismatchHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line view with the service's Streams configuration (only the dead-letter
 * destination replaced): what it cannot read and what is keyed by another line is
 * dead-lettered, and the records after them are folded.
 */
class LineViewTopologyTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Msisdn OTHER = Msisdn.of("+32470654321");

	@TempDir
	Path state;

	private final List<ConsumerRecord<?, ?>> deadLetters = new ArrayList<>();

	private final List<Exception> causes = new ArrayList<>();

	@Test
	void deadLettersWhatItCannotReadOrWhatIsKeyedByAnotherLineAndFoldsTheRest() {
		try (TopologyTestDriver driver = driver()) {
			TestInputTopic<byte[], byte[]> deadlines = driver.createInputTopic(Topics.DEADLINE_EVENTS.name(),
					new ByteArraySerializer(), new ByteArraySerializer());
			deadlines.pipeInput(bytes(LINE.value()), bytes("not json {"));
			deadlines.pipeInput(bytes(OTHER.value()), json(reminder(LINE)));
			deadlines.pipeInput(bytes(LINE.value()), json(reminder(LINE)));

			KeyValueStore<Msisdn, LineView> views = driver.getKeyValueStore(LineViewTopology.STORE);
			assertThat(views.get(OTHER)).isNull();
			assertThat(views.get(LINE)).isNotNull().satisfies((view) -> assertThat(view.cycles()).hasSize(1));
			assertThat(this.deadLetters).extracting(ConsumerRecord::offset).containsExactly(0L, 1L);
			assertThat(this.deadLetters.get(1).key()).isEqualTo(bytes(OTHER.value()));
			assertThat(this.causes.get(1)).isInstanceOf(KeyMismatchException.class);
		}
	}

	private TopologyTestDriver driver() {
		PaymentsSettings settings = new PaymentsSettings(Mode.SANDBOX,
				new StripeSettings(null, "whsec_test", null, Duration.ofSeconds(5), Duration.ofSeconds(20), 3, 300),
				this.state, "payments-test", "payments-test", Duration.ofHours(12), Duration.ofDays(14),
				Duration.ofSeconds(2), 4, Duration.ofMinutes(5), Duration.ofDays(3));
		LineViewConfiguration configuration = new LineViewConfiguration();
		KafkaProperties kafka = new KafkaProperties();
		Properties config = configuration
			.lineViewStreamsConfig(kafka, settings, configuration.lineViewDeadLetterProducerFactory(kafka))
			.asProperties();
		ConsumerRecordRecoverer recording = (record, ex) -> {
			this.deadLetters.add(record);
			this.causes.add(ex);
		};
		config.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recording);
		config.put(KeyMismatchHandler.RECOVERER, recording);
		StreamsBuilder builder = new StreamsBuilder();
		LineViewTopology.define(builder);
		return new TopologyTestDriver(builder.build(), config);
	}

	private static ReminderDue reminder(Msisdn msisdn) {
		Holder holder = new Holder(null, "h@example.com", null, null, HolderLocale.FR, ZoneId.of("Europe/Brussels"));
		return new ReminderDue(UUID.randomUUID(), Instant.now(), msisdn, OperatorId.of("orange"),
				LocalDate.parse("2026-12-31"), 7, Instant.now(), ReminderTrigger.SCHEDULED, holder,
				Money.of(1500, "EUR"), null, null);
	}

	private static byte[] json(DeadlineEvent event) {
		return Topics.DEADLINE_EVENTS.valueSerde().serializer().serialize(null, event);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
