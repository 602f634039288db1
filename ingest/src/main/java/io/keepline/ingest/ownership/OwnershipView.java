package io.keepline.ingest.ownership;

import java.time.Duration;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.line.LineOwner;
import io.keepline.ingest.validation.LineOwners;
import io.keepline.ingest.validation.OwnersUnavailableException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The line owners as ingest knows them: point lookups in the global store of this
 * instance, readable once Kafka Streams has caught up with line-events (state RUNNING).
 * Until then, and if the view fails, every lookup says so and ingest refuses batches.
 */
public final class OwnershipView implements LineOwners {

	private static final Logger log = LoggerFactory.getLogger(OwnershipView.class);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationEventPublisher events;

	private volatile KafkaStreams streams;

	private volatile ReadOnlyKeyValueStore<Msisdn, LineOwner> store;

	private volatile long startedAt;

	OwnershipView(ApplicationEventPublisher events) {
		this.events = events;
	}

	/** Takes the Kafka Streams instance that is about to start. */
	void attach(KafkaStreams streams) {
		this.streams = streams;
		this.store = null;
		this.startedAt = System.nanoTime();
	}

	/**
	 * Closes the attached Kafka Streams instance after a start that failed or was cut
	 * short, which its factory does not consider running and so never closes.
	 */
	void closeUnstarted() {
		KafkaStreams unstarted = this.streams;
		if (unstarted != null) {
			unstarted.close(CLOSE_TIMEOUT);
		}
	}

	/** Follows the Kafka Streams state: says when the view is usable and when not. */
	void onChange(KafkaStreams.State state, KafkaStreams.State previous) {
		if (state == KafkaStreams.State.RUNNING) {
			long lines = lines();
			log.info("Line owners caught up with line-events in {} ms: about {} owned lines; accepting events",
					(System.nanoTime() - this.startedAt) / 1_000_000, lines);
			this.events.publishEvent(new LineOwnersReady(lines));
		}
		else if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
			log.error("The view of line owners stopped ({} after {}); ingest refuses events while it is down", state,
					previous);
		}
	}

	@Override
	public LineOwner owner(Msisdn msisdn) {
		try {
			return store().get(msisdn);
		}
		catch (InvalidStateStoreException ex) {
			throw new OwnersUnavailableException("line owners are not readable: " + ex.getMessage());
		}
	}

	/** Whether lookups are answered: the view has caught up and runs. */
	public boolean ready() {
		return state() == KafkaStreams.State.RUNNING;
	}

	/** The Kafka Streams state of the view, or null before it was started. */
	public KafkaStreams.State state() {
		KafkaStreams current = this.streams;
		return (current != null) ? current.state() : null;
	}

	/** About how many lines have an owner; -1 while the view is not ready. */
	public long lines() {
		try {
			return ready() ? store().approximateNumEntries() : -1;
		}
		catch (OwnersUnavailableException | InvalidStateStoreException ex) {
			return -1;
		}
	}

	private ReadOnlyKeyValueStore<Msisdn, LineOwner> store() {
		KafkaStreams running = this.streams;
		if (running == null || running.state() != KafkaStreams.State.RUNNING) {
			throw new OwnersUnavailableException("line owners are not readable (view " + state() + ")");
		}
		ReadOnlyKeyValueStore<Msisdn, LineOwner> current = this.store;
		if (current != null) {
			return current;
		}
		current = running.store(StoreQueryParameters.fromNameAndType(OwnershipTopology.STORE,
				QueryableStoreTypes.<Msisdn, LineOwner>keyValueStore()));
		this.store = current;
		return current;
	}

}
