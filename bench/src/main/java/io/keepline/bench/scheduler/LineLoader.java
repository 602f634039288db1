package io.keepline.bench.scheduler;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.keepline.bench.Lines;
import io.keepline.bench.ProgressLine;
import io.keepline.bench.baseline.BaselineClients;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes {@code LineRegistered} events to line-events as ingest would, fast: one event is
 * serialised with Keepline's mapper and its msisdn and event id are substituted per line,
 * so that loading ten million lines is bounded by Kafka, not by JSON.
 */
final class LineLoader implements AutoCloseable {

	private final Lines lines = new Lines();

	private final KafkaProducer<byte[], byte[]> producer;

	private final AtomicReference<Exception> failure = new AtomicReference<>();

	LineLoader(String bootstrapServers) {
		this.producer = new KafkaProducer<>(BaselineClients.producer(bootstrapServers), new ByteArraySerializer(),
				new ByteArraySerializer());
	}

	/** A template for lines valid until {@code validUntil} with {@code leadDays}. */
	Template template(LocalDate validUntil, ZoneId zone, List<Integer> leadDays, Instant occurredAt) {
		LineRegistered event = this.lines.registered(0, validUntil, zone, leadDays, occurredAt);
		return new Template(new String(EventJson.write(event, LineEvent.class), StandardCharsets.UTF_8),
				event.msisdn().value(), event.eventId().toString());
	}

	record Template(String json, String msisdn, String eventId) {

	}

	/**
	 * Sends lines {@code from} (inclusive) to {@code to} (exclusive) of {@code template}.
	 */
	void send(Template template, int from, int to, ProgressLine progress) {
		for (int i = from; i < to; i++) {
			String msisdn = this.lines.msisdn(i).value();
			String json = template.json()
				.replace(template.msisdn(), msisdn)
				.replace(template.eventId(), UUID.randomUUID().toString());
			this.producer.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), msisdn.getBytes(StandardCharsets.UTF_8),
					json.getBytes(StandardCharsets.UTF_8)), (metadata, ex) -> {
						if (ex != null) {
							this.failure.set(ex);
						}
						else if (progress != null) {
							progress.advance(1);
						}
					});
		}
	}

	void flush() {
		this.producer.flush();
		if (this.failure.get() != null) {
			throw new IllegalStateException("Could not write lines", this.failure.get());
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
