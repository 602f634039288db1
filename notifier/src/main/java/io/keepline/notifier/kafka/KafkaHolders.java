package io.keepline.notifier.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.choice.HolderChoices;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.HolderChoiceLookup;
import io.keepline.notifier.delivery.TransientDeliveryException;
import io.keepline.notifier.holder.HolderStore;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Holder choices on Kafka: read from this instance's global stores (the line records and
 * the holder choices, which every instance holds), written to the choices topic. A choice
 * counts only under the registration it was made in.
 */
final class KafkaHolders implements HolderStore, HolderChoiceLookup {

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private final KafkaStreamsInteractiveQueryService queries;

	private final KafkaTemplate<Msisdn, HolderChoices> template;

	KafkaHolders(KafkaStreamsInteractiveQueryService queries, KafkaTemplate<Msisdn, HolderChoices> template) {
		this.queries = queries;
		this.template = template;
	}

	@Override
	public Set<Channel> suppressed(Msisdn msisdn) {
		return currentChoices(msisdn).map(HolderChoices::suppressedChannels).orElse(Set.of());
	}

	@Override
	public Optional<HolderLocale> locale(Msisdn msisdn) {
		return currentChoices(msisdn).map(HolderChoices::locale);
	}

	/** The line's choices if made under its current registration. */
	private Optional<HolderChoices> currentChoices(Msisdn msisdn) {
		try {
			HolderChoices choices = choiceStore().get(msisdn);
			if (choices == null || (choices.suppressed().isEmpty() && choices.locale() == null)) {
				return Optional.empty();
			}
			LineRecord line = lineStore().get(msisdn);
			boolean current = line == null || Objects.equals(line.registeredAt(), choices.registeredAt());
			return current ? Optional.of(choices) : Optional.empty();
		}
		catch (InvalidStateStoreException | IllegalStateException | IllegalArgumentException ex) {
			throw new TransientDeliveryException("holder_choices_unavailable", "the holder choices cannot be read now",
					ex);
		}
	}

	@Override
	public Optional<LineRecord> line(Msisdn msisdn) {
		return Optional.ofNullable(lineStore().get(msisdn));
	}

	/** A scan of every line record: one RocksDB pass over this instance's store. */
	@Override
	public List<LineRecord> linesReachedBy(Msisdn sms) {
		List<LineRecord> lines = new ArrayList<>();
		try (KeyValueIterator<Msisdn, LineRecord> all = lineStore().all()) {
			while (all.hasNext()) {
				KeyValue<Msisdn, LineRecord> entry = all.next();
				if (entry.value != null && sms.equals(entry.value.holder().sms())) {
					lines.add(entry.value);
				}
			}
		}
		return lines;
	}

	@Override
	public Optional<HolderChoices> choices(Msisdn msisdn) {
		return Optional.ofNullable(choiceStore().get(msisdn));
	}

	@Override
	public void save(HolderChoices choices) {
		write(choices.msisdn(), choices);
	}

	/** Deletes the line's choices (a tombstone). */
	void forget(Msisdn msisdn) {
		write(msisdn, null);
	}

	private void write(Msisdn msisdn, HolderChoices choices) {
		try {
			this.template.send(Topics.HOLDER_CHOICES.name(), msisdn, choices)
				.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while saving a holder's choice", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not take the holder's choice", ex);
		}
	}

	private ReadOnlyKeyValueStore<Msisdn, LineRecord> lineStore() {
		return this.queries.retrieveQueryableStore(NotifierLinesTopology.STORE, QueryableStoreTypes.keyValueStore());
	}

	private ReadOnlyKeyValueStore<Msisdn, HolderChoices> choiceStore() {
		return this.queries.retrieveQueryableStore(NotifierLinesTopology.CHOICES_STORE,
				QueryableStoreTypes.keyValueStore());
	}

}
