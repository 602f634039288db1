package io.keepline.notifier.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * Where a record was first published: its own coordinates, or for a retry topic's copy
 * those of the record it copies (the first {@code kafka_dlt-original-*} headers
 * spring-kafka adds when it forwards a record), which outlive the copy.
 */
record SourceRecord(String topic, int partition, long offset) {

	static SourceRecord of(ConsumerRecord<?, ?> record) {
		Header topic = first(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		Header partition = first(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
		Header offset = first(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
		if (topic == null || partition == null || offset == null || partition.value().length != Integer.BYTES
				|| offset.value().length != Long.BYTES) {
			return new SourceRecord(record.topic(), record.partition(), record.offset());
		}
		return new SourceRecord(new String(topic.value(), StandardCharsets.UTF_8),
				ByteBuffer.wrap(partition.value()).getInt(), ByteBuffer.wrap(offset.value()).getLong());
	}

	private static Header first(ConsumerRecord<?, ?> record, String name) {
		Iterator<Header> headers = record.headers().headers(name).iterator();
		return headers.hasNext() ? headers.next() : null;
	}

}
