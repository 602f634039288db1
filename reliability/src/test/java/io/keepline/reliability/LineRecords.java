package io.keepline.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.topic.Topics;
import io.keepline.testsupport.KafkaCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import static org.awaitility.Awaitility.await;

/**
 * Writes the line records the scheduler would have written to keepline.lines.v1 for
 * deadline events a scenario writes itself (the notifier and payments read a line's
 * record before they act on its event), and waits until the services have read them.
 */
public final class LineRecords implements AutoCloseable {

	private static final String PLAN = "orange-prepaid-15";

	private final KafkaProducer<Msisdn, LineRecord> producer;

	public LineRecords(KafkaCluster cluster) {
		cluster.createTopics(Topics.LINES);
		this.producer = new KafkaProducer<>(cluster.producerProperties(), Topics.LINES.keySerde().serializer(),
				Topics.LINES.valueSerde().serializer());
	}

	/**
	 * The open cycle {@code reminder} is about, held by {@code holder}: the notifier
	 * reads the holder from here, as the reminder names none.
	 */
	public static LineRecord openFor(ReminderDue reminder, Holder holder) {
		Instant registeredAt = reminder.occurredAt().minus(Duration.ofDays(1));
		return new LineRecord(reminder.msisdn(), reminder.operator(), PLAN, reminder.validUntil(), CycleState.OPEN,
				reminder.price(), AutoRenewal.OFF, holder, registeredAt, registeredAt);
	}

	/**
	 * The open cycle {@code reminder} is about, its holder also opted in to automatic
	 * renewal with the visa card ending 4242, so that payments charges its due cycle.
	 */
	public static LineRecord openWithCardFor(ReminderDue reminder, Holder holder) {
		LineRecord open = openFor(reminder, holder);
		return new LineRecord(open.msisdn(), open.operator(), open.plan(), open.validUntil(), open.cycleState(),
				open.price(), new AutoRenewal(true, true, new SavedMethod("visa", "4242", 12, 2034)), open.holder(),
				open.registeredAt(), open.updatedAt());
	}

	/**
	 * The open cycle {@code due} charges, the holder opted in with a saved card.
	 */
	public static LineRecord openFor(AutoRenewalDue due) {
		Instant registeredAt = due.occurredAt().minus(Duration.ofDays(1));
		AutoRenewal renewal = new AutoRenewal(true, true, new SavedMethod("visa", "4242", 12, 2034));
		return new LineRecord(due.msisdn(), due.operator(), PLAN, due.validUntil(), CycleState.OPEN, due.price(),
				renewal,
				new Holder("Alex", "renewal@example.com", null, null, HolderLocale.EN, ZoneId.of("Europe/Brussels")),
				registeredAt, registeredAt);
	}

	/**
	 * Writes {@code records}; returns once every reader (a service's lookup of the line
	 * records) finds each of them.
	 */
	@SafeVarargs
	public final void write(Collection<LineRecord> records, Function<Msisdn, Optional<LineRecord>>... readers) {
		List<LineRecord> written = List.copyOf(records);
		List<Future<RecordMetadata>> sends = written.stream()
			.map((record) -> this.producer.send(new ProducerRecord<>(Topics.LINES.name(), record.msisdn(), record)))
			.toList();
		try {
			for (Future<RecordMetadata> send : sends) {
				send.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not write the line records", ex);
		}
		await("the services read " + written.size() + " line records").atMost(Duration.ofSeconds(120))
			.ignoreExceptions()
			.until(() -> {
				for (Function<Msisdn, Optional<LineRecord>> reader : readers) {
					for (LineRecord record : written) {
						if (!reader.apply(record.msisdn()).equals(Optional.of(record))) {
							return false;
						}
					}
				}
				return true;
			});
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(10));
	}

}
