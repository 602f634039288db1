package io.keepline.bench;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The callback of a suite's bulk writes: each acknowledged record moves the progress line
 * on, and the first failure is kept for {@link #check} once the producer is flushed.
 */
public final class AcknowledgedSends implements Callback {

	private final ProgressLine progress;

	private final AtomicReference<Exception> failure = new AtomicReference<>();

	public AcknowledgedSends(ProgressLine progress) {
		this.progress = progress;
	}

	@Override
	public void onCompletion(RecordMetadata metadata, Exception exception) {
		if (exception != null) {
			this.failure.compareAndSet(null, exception);
		}
		else {
			this.progress.advance(1);
		}
	}

	/** Fails with the first failed send, naming {@code what} was written. */
	public void check(String what) {
		if (this.failure.get() != null) {
			throw new IllegalStateException("Could not write " + what, this.failure.get());
		}
	}

}
