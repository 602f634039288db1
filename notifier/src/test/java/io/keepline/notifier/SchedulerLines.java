package io.keepline.notifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import io.keepline.contracts.Holder;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.testsupport.KafkaCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import static org.awaitility.Awaitility.await;

/**
 * Writes the line records the scheduler would have written to keepline.lines.v1, and
 * waits until the notifiers given have read them, so that a test's deadline events meet
 * the record they were written with.
 */
final class SchedulerLines implements AutoCloseable {

	private final KafkaProducer<Msisdn, LineRecord> producer;

	private final LineLookup[] notifiers;

	SchedulerLines(KafkaCluster cluster, LineLookup... notifiers) {
		this.producer = new KafkaProducer<>(cluster.producerProperties(), Topics.LINES.keySerde().serializer(),
				Topics.LINES.valueSerde().serializer());
		this.notifiers = notifiers;
	}

	/** An open line, registered a day before {@code now}, on cycle {@code validUntil}. */
	static LineRecord open(Msisdn msisdn, LocalDate validUntil, Holder holder, Instant now) {
		Instant registeredAt = now.minus(Duration.ofDays(1));
		return new LineRecord(msisdn, OperatorId.of("orange"), "orange-prepaid-15", validUntil, CycleState.OPEN,
				Money.of(1500, "EUR"), AutoRenewal.OFF, holder, registeredAt, registeredAt);
	}

	/** The same record in another state (a payment, a lapse, a cancellation). */
	static LineRecord in(LineRecord record, CycleState state) {
		return new LineRecord(record.msisdn(), record.operator(), record.plan(), record.validUntil(), state,
				record.price(), record.autoRenewal(), record.holder(), record.registeredAt(), Instant.now());
	}

	/**
	 * The same record with automatic renewal on {@code card}, as after the holder saved
	 * it.
	 */
	static LineRecord withCard(LineRecord record, SavedMethod card) {
		return new LineRecord(record.msisdn(), record.operator(), record.plan(), record.validUntil(),
				record.cycleState(), record.price(), new AutoRenewal(true, true, card), record.holder(),
				record.registeredAt(), Instant.now());
	}

	/** The same record for {@code holder}, as after a HolderUpdated. */
	static LineRecord heldBy(LineRecord record, Holder holder) {
		return new LineRecord(record.msisdn(), record.operator(), record.plan(), record.validUntil(),
				record.cycleState(), record.price(), record.autoRenewal(), holder, record.registeredAt(),
				Instant.now());
	}

	/** The same line on cycle {@code validUntil}, as after a ValidityExtended. */
	static LineRecord extendedTo(LineRecord record, LocalDate validUntil) {
		return new LineRecord(record.msisdn(), record.operator(), record.plan(), validUntil, CycleState.OPEN,
				record.price(), record.autoRenewal(), record.holder(), record.registeredAt(), Instant.now());
	}

	/** A new registration of the number at {@code registeredAt}, for {@code holder}. */
	static LineRecord registeredAgain(LineRecord record, Holder holder, Instant registeredAt) {
		return new LineRecord(record.msisdn(), record.operator(), record.plan(), record.validUntil(), CycleState.OPEN,
				record.price(), AutoRenewal.OFF, holder, registeredAt, registeredAt);
	}

	/** Writes {@code record}; returns once every notifier reads it. */
	LineRecord write(LineRecord record) {
		send(record.msisdn(), record);
		await("the notifiers read the line record").atMost(Duration.ofSeconds(60))
			.until(() -> everyNotifier((lines) -> lines.find(record.msisdn()).equals(Optional.of(record))));
		return record;
	}

	/** Writes the tombstone of an erased line; returns once every notifier forgot it. */
	void erase(Msisdn msisdn) {
		send(msisdn, null);
		await("the notifiers forget the line").atMost(Duration.ofSeconds(60))
			.until(() -> everyNotifier((lines) -> lines.find(msisdn).isEmpty() && lines.erased(msisdn)));
	}

	private boolean everyNotifier(java.util.function.Predicate<LineLookup> condition) {
		for (LineLookup lines : this.notifiers) {
			if (!condition.test(lines)) {
				return false;
			}
		}
		return true;
	}

	private void send(Msisdn msisdn, LineRecord record) {
		try {
			this.producer.send(new ProducerRecord<>(Topics.LINES.name(), msisdn, record)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not write the line record", ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
