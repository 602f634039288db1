package io.keepline.notifier.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.Acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records that finish out of order are committed in order, and nothing of a revoked
 * partition is committed afterwards.
 */
class InOrderAcksTest {

	private final InOrderAcks acks = new InOrderAcks();

	private final List<Long> acknowledged = new ArrayList<>();

	@Test
	void acknowledgesOnlyUpToTheFirstRecordStillRunning() {
		InOrderAcks.Entry first = begin(0, 10);
		InOrderAcks.Entry second = begin(0, 11);
		InOrderAcks.Entry third = begin(0, 12);
		InOrderAcks.Entry otherPartition = begin(1, 5);

		this.acks.done(third);
		this.acks.done(otherPartition);
		assertThat(this.acknowledged).containsExactly(1_005L);

		this.acks.done(first);
		assertThat(this.acknowledged).containsExactly(1_005L, 10L);

		this.acks.done(second);
		assertThat(this.acknowledged).containsExactly(1_005L, 10L, 12L);
		assertThat(this.acks.pending()).isZero();
	}

	@Test
	void aRecordTheErrorHandlerHandedOnCountsAsDone() {
		begin(0, 20);
		this.acks.done(record(0, 20));
		this.acks.done(record(0, 21));

		assertThat(this.acknowledged).containsExactly(20L);
	}

	@Test
	void nothingOfARevokedPartitionIsAcknowledgedWhenItsDeliveriesFinishLater() {
		InOrderAcks.Entry running = begin(0, 30);
		InOrderAcks.Entry after = begin(0, 31);

		this.acks.forget(Set.of(new TopicPartition("deadlines", 0)));
		this.acks.done(after);
		this.acks.done(running);

		assertThat(this.acknowledged).isEmpty();
		assertThat(this.acks.pending()).isZero();
	}

	@Test
	void aRedeliveredRecordIsNotDoneBecauseItsEarlierDeliveryFinished() {
		InOrderAcks.Entry earlier = begin(0, 40);
		this.acks.forget(Set.of(new TopicPartition("deadlines", 0)));
		InOrderAcks.Entry again = begin(0, 40);

		this.acks.done(earlier);
		assertThat(this.acknowledged).isEmpty();

		this.acks.done(again);
		assertThat(this.acknowledged).containsExactly(40L);
	}

	private InOrderAcks.Entry begin(int partition, long offset) {
		Acknowledgment ack = () -> this.acknowledged.add(partition * 1_000L + offset);
		return this.acks.begin(record(partition, offset), ack);
	}

	private static ConsumerRecord<String, String> record(int partition, long offset) {
		return new ConsumerRecord<>("deadlines", partition, offset, "key", "value");
	}

}
