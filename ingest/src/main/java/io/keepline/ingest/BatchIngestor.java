package io.keepline.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.ingest.validation.LineEventValidator;
import io.keepline.ingest.validation.OwnersUnavailableException;
import io.keepline.ingest.validation.Reasons;
import io.keepline.ingest.validation.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest hot path without transport: validates a batch of operator items, publishes
 * the valid ones to line-events and the others to rejected-events in one go, and counts
 * them. Used by HTTP, CSV and the Kafka-native path, and benchmarkable on its own.
 */
public final class BatchIngestor {

	private static final Logger log = LoggerFactory.getLogger(BatchIngestor.class);

	private final LineEventValidator validator;

	private final EventPublisher publisher;

	private final IngestMetrics metrics;

	private final Clock clock;

	public BatchIngestor(LineEventValidator validator, EventPublisher publisher, IngestMetrics metrics, Clock clock) {
		this.validator = validator;
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Validates and publishes {@code items}; returns once Kafka has acknowledged them
	 * all.
	 * @throws BatchNotPublishedException when Kafka could not take the batch
	 * @throws OwnersUnavailableException when line ownership cannot be told yet; nothing
	 * of the batch was published
	 */
	public IngestResult ingest(IngestSource source, List<IngestItem> items) {
		Instant now = this.clock.instant();
		List<Validation> verdicts = new ArrayList<>(items.size());
		List<LineEvent> accepted = new ArrayList<>(items.size());
		List<EventRejected> rejected = new ArrayList<>();
		for (IngestItem item : items) {
			Validation verdict = verdict(item, now);
			verdicts.add(verdict);
			if (verdict.isAccepted()) {
				accepted.add(verdict.event());
			}
			else {
				rejected.add(new EventRejected(UUID.randomUUID(), now, item.operator(), source, item.location(),
						verdict.eventId(), verdict.errors(), Payloads.bounded(item.payloadText())));
			}
		}
		this.publisher.publish(accepted, rejected);
		this.metrics.count(source, items, verdicts);
		return new IngestResult(verdicts, accepted.size(), rejected.size());
	}

	private Validation verdict(IngestItem item, Instant now) {
		if (item.unreadable() != null) {
			return Validation.rejected(null, List.of(item.unreadable()));
		}
		try {
			return this.validator.validate(item.json(), item.operator(), now);
		}
		catch (OwnersUnavailableException ex) {
			throw ex;
		}
		catch (InvalidValueException ex) {
			// a contracts rule the validator does not know yet: a rejection, not a
			// failure
			log.warn("Contract rule {} on {} not covered by the validator", ex.reason(), ex.field());
			String field = (ex.field() != null) ? ex.field() : "$";
			return Validation.rejected(null, List.of(new FieldError(field, ex.reason())));
		}
		catch (RuntimeException ex) {
			log.error("Could not validate the item at {}", item.location(), ex);
			return Validation.rejected(null, List.of(new FieldError("$", Reasons.INTERNAL_ERROR)));
		}
	}

}
