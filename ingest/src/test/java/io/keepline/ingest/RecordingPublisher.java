package io.keepline.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.rejected.EventRejected;

/**
 * A publisher that keeps what it was given, and can be told to fail after a number of
 * batches as an unavailable Kafka would.
 */
public final class RecordingPublisher implements EventPublisher {

	public final List<List<LineEvent>> acceptedBatches = new CopyOnWriteArrayList<>();

	public final List<EventRejected> rejected = new CopyOnWriteArrayList<>();

	private final AtomicInteger batchesBeforeFailure = new AtomicInteger(Integer.MAX_VALUE);

	@Override
	public void publish(List<LineEvent> accepted, List<EventRejected> rejected) {
		if (this.batchesBeforeFailure.getAndDecrement() <= 0) {
			throw new BatchNotPublishedException("broker down (test)", null);
		}
		this.acceptedBatches.add(List.copyOf(accepted));
		this.rejected.addAll(rejected);
	}

	public List<LineEvent> accepted() {
		return this.acceptedBatches.stream().flatMap(List::stream).toList();
	}

	/** Fails every batch after the next {@code batches} ones. */
	public void failAfter(int batches) {
		this.batchesBeforeFailure.set(batches);
	}

	public void reset() {
		this.acceptedBatches.clear();
		this.rejected.clear();
		this.batchesBeforeFailure.set(Integer.MAX_VALUE);
	}

}
