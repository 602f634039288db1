package io.keepline.support.streams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.topic.KeyMismatchException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeyMismatchHandlerTest {

	private final List<ConsumerRecord<?, ?>> recovered = new ArrayList<>();

	private final KeyMismatchHandler handler = new KeyMismatchHandler();

	private final Context context = new Context();

	KeyMismatchHandlerTest() {
		this.handler.configure(Map.of(KeyMismatchHandler.RECOVERER,
				(BiConsumer<ConsumerRecord<?, ?>, Exception>) (record, ex) -> this.recovered.add(record)));
	}

	@Test
	void deadLettersTheRecordAsReadAndGoesOn() {
		KeyMismatchException mismatch = mismatch();

		ProcessingHandlerResponse response = this.handler.handle(this.context, new Record<>("k", "v", 1L), mismatch);

		assertThat(response).isEqualTo(ProcessingHandlerResponse.CONTINUE);
		assertThat(this.recovered).singleElement().satisfies((record) -> {
			assertThat(record.topic()).isEqualTo("line-events");
			assertThat(record.partition()).isEqualTo(3);
			assertThat(record.offset()).isEqualTo(42);
			assertThat(record.key()).isEqualTo(this.context.sourceRawKey());
			assertThat(record.value()).isEqualTo(this.context.sourceRawValue());
			assertThat(record.headers()).isSameAs(this.context.headers());
		});
	}

	@Test
	void leavesAnyOtherFailureToStopTheStreamThread() {
		assertThat(this.handler.handle(this.context, new Record<>("k", "v", 1L), new IllegalStateException("bug")))
			.isEqualTo(ProcessingHandlerResponse.FAIL);
		assertThat(this.recovered).isEmpty();
	}

	@Test
	void refusesToStartWithoutARecoverer() {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> new KeyMismatchHandler().configure(Map.of()));
	}

	private static KeyMismatchException mismatch() {
		try {
			KeyMismatchException.check(Msisdn.of("+32470000001"), Msisdn.of("+32470000002"));
			throw new AssertionError("no mismatch");
		}
		catch (KeyMismatchException ex) {
			return ex;
		}
	}

	private static final class Context implements ErrorHandlerContext {

		private final Headers headers = new RecordHeaders();

		private final byte[] key = "+32470000001".getBytes(StandardCharsets.UTF_8);

		private final byte[] value = "{\"type\":\"LineErased\"}".getBytes(StandardCharsets.UTF_8);

		@Override
		public String topic() {
			return "line-events";
		}

		@Override
		public int partition() {
			return 3;
		}

		@Override
		public long offset() {
			return 42;
		}

		@Override
		public Headers headers() {
			return this.headers;
		}

		@Override
		public String processorNodeId() {
			return "line-event";
		}

		@Override
		public TaskId taskId() {
			return new TaskId(0, 3);
		}

		@Override
		public long timestamp() {
			return 1L;
		}

		@Override
		public byte[] sourceRawKey() {
			return this.key;
		}

		@Override
		public byte[] sourceRawValue() {
			return this.value;
		}

	}

}
