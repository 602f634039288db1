package io.keepline.ingest;

import java.util.List;

import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.rejected.EventRejected;

/**
 * Writes one batch of accepted and rejected events to Kafka as a unit. Returns only once
 * Kafka has acknowledged every record; throws {@link BatchNotPublishedException} when it
 * could not, in which case none of the batch is visible to read_committed consumers.
 */
@FunctionalInterface
public interface EventPublisher {

	void publish(List<LineEvent> accepted, List<EventRejected> rejected);

}
