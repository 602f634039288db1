package io.keepline.payments.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.line.LinePayments;
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
 * The line-payments view with the service's Streams configuration (only the dead-letter
 * destination replaced): what it cannot read and what is keyed by another line is
 * dead-lettered, and the records after them are folded.
 */
class LinePaymentsTopologyTest {

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

			KeyValueStore<Msisdn, LinePayments> views = driver.getKeyValueStore(LinePaymentsTopology.STORE);
			assertThat(views.get(OTHER)).isNull();
			assertThat(views.get(LINE)).isNotNull().satisfies((view) -> assertThat(view.cycles()).hasSize(1));
			assertThat(this.deadLetters).extracting(ConsumerRecord::offset).containsExactly(0L, 1L);
			assertThat(this.deadLetters.get(1).key()).isEqualTo(bytes(OTHER.value()));
			assertThat(this.causes.get(1)).isInstanceOf(KeyMismatchException.class);
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
		LinePaymentsTopology.define(builder);
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
		new StreamsDefaults(new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of()))))
			.configure(factory);
		return factory.getStreamsConfiguration();
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
