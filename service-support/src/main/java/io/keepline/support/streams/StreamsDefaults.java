package io.keepline.support.streams;

import java.util.Properties;

import io.keepline.support.kafka.CompactionBound;
import io.keepline.support.kafka.DeadLetters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * How every Keepline Streams application runs, on top of its identity from
 * {@code spring.kafka.streams.*}: a record that cannot be read, or that is not keyed by
 * its event's msisdn, goes to its topic's dead-letter topic (naming the application id as
 * the consumer group) and the application goes on; a record that cannot be produced fails
 * its task, never silently dropped under exactly-once; a stream thread that dies is
 * logged and replaced, so that one failure does not stop the instance; restoration is
 * logged with its progress; its changelogs (and repartition topics) are created with the
 * deployment's {@link CompactionBound}, so that an erased line's values leave them within
 * the bound; the RocksDB files of its stores that hold a holder or a card are compacted
 * within {@code keepline.compaction.state-lag} of a flushed deletion
 * ({@link ErasedValueCompaction}; a service that sets its own config setter composes it).
 * Runs first, so that a service's own configurer can refine any of it.
 */
public final class StreamsDefaults implements StreamsBuilderFactoryBeanConfigurer {

	private static final Logger log = LoggerFactory.getLogger(StreamsDefaults.class);

	private final DeadLetters deadLetters;

	private final CompactionBound compaction;

	public StreamsDefaults(DeadLetters deadLetters, CompactionBound compaction) {
		this.deadLetters = deadLetters;
		this.compaction = compaction;
	}

	@Override
	public void configure(StreamsBuilderFactoryBean factory) {
		Properties properties = factory.getStreamsConfiguration();
		String applicationId = properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
		DeadLetterPublishingRecoverer recoverer = this.deadLetters.recoverer(applicationId);
		properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
				RecoveringDeserializationExceptionHandler.class);
		properties.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recoverer);
		properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, KeyMismatchHandler.class);
		properties.put(KeyMismatchHandler.RECOVERER, recoverer);
		properties.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
				DefaultProductionExceptionHandler.class);
		this.compaction.topicConfigs()
			.forEach((name, value) -> properties.putIfAbsent(StreamsConfig.topicPrefix(name), value));
		properties.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, ErasedValueCompaction.class);
		properties.putIfAbsent(ErasedValueCompaction.LAG_CONFIG, this.compaction.stateLag().toMillis());
		factory.setStreamsConfiguration(properties);
		factory.setStreamsUncaughtExceptionHandler(replaceThread(applicationId));
		factory.setStateRestoreListener(new RestoreProgressLog());
	}

	/**
	 * Replaces a stream thread that died: its tasks are handed to the new thread and
	 * resume from their last commit, as after a crash.
	 */
	static StreamsUncaughtExceptionHandler replaceThread(String applicationId) {
		return (exception) -> {
			log.error("A stream thread of {} died; replacing it", applicationId, exception);
			return StreamThreadExceptionResponse.REPLACE_THREAD;
		};
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
