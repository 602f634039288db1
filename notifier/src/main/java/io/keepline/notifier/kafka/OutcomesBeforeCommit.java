package io.keepline.notifier.kafka;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Waits for the notification outcomes a listener thread published before its offsets are
 * committed: after each poll's records (the container commits at the next poll) and
 * before the error handler handles a failed record (it commits that record's offset).
 */
record OutcomesBeforeCommit(KafkaNotificationRecorder recorder) implements RecordInterceptor<Msisdn, DeadlineEvent> {

	@Override
	public ConsumerRecord<Msisdn, DeadlineEvent> intercept(ConsumerRecord<Msisdn, DeadlineEvent> record,
			Consumer<Msisdn, DeadlineEvent> consumer) {
		return record;
	}

	@Override
	public void failure(ConsumerRecord<Msisdn, DeadlineEvent> record, Exception exception,
			Consumer<Msisdn, DeadlineEvent> consumer) {
		this.recorder.flush();
	}

	@Override
	public void clearThreadState(Consumer<?, ?> consumer) {
		this.recorder.flush();
	}

}
