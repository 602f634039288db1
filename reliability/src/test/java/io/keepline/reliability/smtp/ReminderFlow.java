package io.keepline.reliability.smtp;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.reliability.LineRecords;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A steady flow of {@link ReminderDue} events on deadline-events, written as the
 * scheduler writes them (keyed by msisdn, valid contract events): {@code total} reminders
 * at an even pace over {@code length}, each for its own line and email address, the
 * locales and stages taken in turn.
 */
final class ReminderFlow implements AutoCloseable {

	private static final int[] STAGES = { 30, 7, 1 };

	private static final ZoneId[] ZONES = { ZoneId.of("Europe/Brussels"), ZoneId.of("Europe/Paris"),
			ZoneId.of("Europe/Amsterdam"), ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Shanghai") };

	private final String run = Unique.name("outage");

	private final int total;

	private final Map<Msisdn, Holder> holders = new ConcurrentHashMap<>();

	private final List<ReminderDue> planned;

	private final KafkaProducer<Msisdn, DeadlineEvent> producer;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final List<Published> published = new CopyOnWriteArrayList<>();

	private final AtomicInteger failedSends = new AtomicInteger();

	private ReminderFlow(KafkaCluster cluster, int total) {
		this.total = total;
		this.planned = IntStream.range(0, total).mapToObj(this::reminder).toList();
		this.producer = new KafkaProducer<>(cluster.producerProperties(), Topics.MSISDN.serializer(),
				Topics.DEADLINE_EVENTS.valueSerde().serializer());
	}

	/**
	 * Writes the line record of each of {@code total} reminders, waits until
	 * {@code notifier} has read them, then starts writing the reminders over
	 * {@code length}.
	 */
	static ReminderFlow start(KafkaCluster cluster, int total, Duration length, LineLookup notifier) {
		ReminderFlow flow = new ReminderFlow(cluster, total);
		try (LineRecords lines = new LineRecords(cluster)) {
			lines.write(flow.planned.stream()
				.map((reminder) -> LineRecords.openFor(reminder, flow.holders.get(reminder.msisdn())))
				.toList(), notifier::find);
		}
		long period = length.toNanos() / total;
		flow.timer.scheduleAtFixedRate(flow::publishNext, 0, period, TimeUnit.NANOSECONDS);
		return flow;
	}

	private void publishNext() {
		int index = this.published.size();
		if (index >= this.total) {
			this.timer.shutdown();
			return;
		}
		ReminderDue reminder = this.planned.get(index);
		this.producer.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), reminder.msisdn(), reminder),
				(metadata, exception) -> {
					if (exception != null) {
						this.failedSends.incrementAndGet();
					}
				});
		this.published.add(new Published(reminder, this.holders.get(reminder.msisdn()), Instant.now()));
	}

	private ReminderDue reminder(int index) {
		HolderLocale locale = HolderLocale.values()[index % HolderLocale.values().length];
		int stage = STAGES[index % STAGES.length];
		Instant now = Instant.now();
		Holder holder = new Holder("Alex", this.run + "-" + index + "@example.com", null, null, locale,
				ZONES[locale.ordinal() % ZONES.length]);
		ReminderDue reminder = new ReminderDue(UUID.randomUUID(), now, Unique.msisdn(), OperatorId.of("orange"),
				LocalDate.now(ZoneOffset.UTC).plusDays(stage), stage, now, ReminderTrigger.SCHEDULED,
				Money.of(1500, "EUR"), null, null);
		this.holders.put(reminder.msisdn(), holder);
		return reminder;
	}

	/** How many reminders were handed to the producer so far. */
	int publishedCount() {
		return this.published.size();
	}

	boolean finished() {
		return this.published.size() >= this.total;
	}

	/** The reminders written so far, with the instant each was handed to the producer. */
	List<Published> published() {
		return List.copyOf(this.published);
	}

	/** Sends the broker did not acknowledge (after the producer's own retries). */
	int failedSends() {
		return this.failedSends.get();
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		this.producer.close(Duration.ofSeconds(10));
	}

	/** A reminder, the holder its line's record names, and when it was written. */
	record Published(ReminderDue reminder, Holder holder, Instant at) {

		String email() {
			return this.holder.email();
		}

	}

}
