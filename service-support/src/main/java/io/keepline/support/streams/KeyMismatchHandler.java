package io.keepline.support.streams;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import io.keepline.contracts.topic.KeyMismatchException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka Streams' handler of processing failures for the readers of msisdn-keyed topics: a
 * record a processor refused with {@link KeyMismatchException} goes, as the bytes that
 * were read and with its headers, to the dead-letter recoverer configured under
 * {@link #RECOVERER}, and the application goes on. Any other failure stops the stream
 * thread, as Kafka Streams' default does.
 */
public final class KeyMismatchHandler implements ProcessingExceptionHandler {

	/**
	 * Configuration key of the recoverer, a
	 * {@code BiConsumer<ConsumerRecord<?, ?>, Exception>} such as spring-kafka's
	 * {@code DeadLetterPublishingRecoverer}.
	 */
	public static final String RECOVERER = "keepline.key-mismatch.recoverer";

	private BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer;

	@Override
	@SuppressWarnings("unchecked")
	public void configure(Map<String, ?> configs) {
		Object recoverer = configs.get(RECOVERER);
		if (!(recoverer instanceof BiConsumer)) {
			throw new ConfigException(RECOVERER, recoverer, "must be the dead-letter recoverer");
		}
		this.recoverer = (BiConsumer<ConsumerRecord<?, ?>, Exception>) recoverer;
	}

	@Override
	public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
		if (!(exception instanceof KeyMismatchException)) {
			return ProcessingHandlerResponse.FAIL;
		}
		this.recoverer.accept(
				new ConsumerRecord<>(context.topic(), context.partition(), context.offset(), context.timestamp(),
						TimestampType.CREATE_TIME, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE,
						context.sourceRawKey(), context.sourceRawValue(), context.headers(), Optional.empty()),
				exception);
		return ProcessingHandlerResponse.CONTINUE;
	}

}
