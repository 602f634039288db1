package io.keepline.support.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.keepline.support.kafka.CompactionBound;
import io.keepline.support.kafka.DeadLetters;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsDefaultsTest {

	@Test
	void deadLettersWhatCannotBeReadOrIsMisroutedAndFailsTheTaskOnWhatCannotBeWritten() {
		StreamsBuilderFactoryBean factory = factory();

		defaults().configure(factory);

		Properties properties = factory.getStreamsConfiguration();
		assertThat(properties.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
			.isEqualTo(RecoveringDeserializationExceptionHandler.class);
		assertThat(properties.get(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER))
			.isInstanceOf(DeadLetterPublishingRecoverer.class)
			.isSameAs(properties.get(KeyMismatchHandler.RECOVERER));
		assertThat(properties.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
			.isEqualTo(KeyMismatchHandler.class);
		assertThat(properties.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
			.isEqualTo(DefaultProductionExceptionHandler.class);
	}

	@Test
	void createsChangelogsCompactedWithinTheBoundUnlessTheServiceSetsIt() {
		StreamsBuilderFactoryBean factory = factory();
		Properties own = factory.getStreamsConfiguration();
		own.put(StreamsConfig.topicPrefix(TopicConfig.DELETE_RETENTION_MS_CONFIG), "5000");
		factory.setStreamsConfiguration(own);

		new StreamsDefaults(new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of()))),
				new CompactionBound(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(1), 0.01,
						Duration.ofMinutes(1)))
			.configure(factory);

		Properties properties = factory.getStreamsConfiguration();
		assertThat(properties.get(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_MS_CONFIG))).isEqualTo("60000");
		assertThat(properties.get(StreamsConfig.topicPrefix(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG)))
			.isEqualTo("120000");
		assertThat(properties.get(StreamsConfig.topicPrefix(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG)))
			.isEqualTo("0.01");
		assertThat(properties.get(StreamsConfig.topicPrefix(TopicConfig.DELETE_RETENTION_MS_CONFIG))).isEqualTo("5000");
		assertThat(properties.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
			.isEqualTo(ErasedValueCompaction.class);
		assertThat(properties.get(ErasedValueCompaction.LAG_CONFIG)).isEqualTo(60_000L);
	}

	@Test
	void aStreamThreadThatDiesIsReplacedNotLeftDead() {
		assertThat(StreamsDefaults.replaceThread("app").handle(new IllegalStateException("a bug")))
			.isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
	}

	@Test
	void aServicesOwnConfigurerRunsAfterAndMayRefineIt() {
		assertThat(defaults().getOrder()).isLessThan(0);
	}

	private static StreamsDefaults defaults() {
		return new StreamsDefaults(new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of()))),
				CompactionBound.DEFAULTS);
	}

	private static StreamsBuilderFactoryBean factory() {
		return new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(Map.of(StreamsConfig.APPLICATION_ID_CONFIG,
				"app", StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1")));
	}

}
