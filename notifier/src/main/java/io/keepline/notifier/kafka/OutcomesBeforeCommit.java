package io.keepline.notifier.kafka;

import io.keepline.contracts.Msisdn;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Waits for the notification outcomes a listener thread published before its offsets are
 * committed: after each poll's records (the container commits at the next poll) and
 * before the error handler handles a failed record (it commits that record's offset).
 */
record OutcomesBeforeCommit<V>(KafkaNotificationRecorder recorder) implements RecordInterceptor<Msisdn, V> {

	@Override
	public ConsumerRecord<Msisdn, V> intercept(ConsumerRecord<Msisdn, V> record, Consumer<Msisdn, V> consumer) {
		return record;
	}

	@Override
	public void failure(ConsumerRecord<Msisdn, V> record, Exception exception, Consumer<Msisdn, V> consumer) {
		this.recorder.flush();
	}

	@Override
	public void clearThreadState(Consumer<?, ?> consumer) {
		this.recorder.flush();
	}

}
