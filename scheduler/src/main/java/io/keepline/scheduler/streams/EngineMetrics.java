package io.keepline.scheduler.streams;

import java.time.Duration;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.scheduler.engine.EngineListener;
import io.keepline.scheduler.engine.SchedulerTopology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The engine's metrics: reminders emitted, deadline events by type, the lateness
 * histogram (emission minus due instant) and the due-index size of this instance.
 */
@Component
class EngineMetrics implements EngineListener {

	private final MeterRegistry registry;

	private final Counter reminders;

	private final Timer lateness;

	EngineMetrics(MeterRegistry registry, StreamsBuilderFactoryBean factory) {
		this.registry = registry;
		this.reminders = Counter.builder("keepline.scheduler.reminders.emitted")
			.description("Reminders emitted")
			.register(registry);
		this.lateness = Timer.builder("keepline.scheduler.lateness")
			.description("Time from a deadline's due instant to its emission")
			.publishPercentileHistogram()
			.publishPercentiles(0.5, 0.99)
			.register(registry);
		Gauge.builder("keepline.scheduler.due.index.size", factory, EngineMetrics::dueIndexSize)
			.description("Approximate number of entries in this instance's due indexes")
			.register(registry);
	}

	@Override
	public void emitted(DeadlineEvent event, Duration lateness) {
		if (event instanceof ReminderDue) {
			this.reminders.increment();
		}
		this.registry.counter("keepline.scheduler.deadlines.emitted", "type", event.getClass().getSimpleName())
			.increment();
		if (!lateness.isZero()) {
			this.lateness.record(lateness.isNegative() ? Duration.ZERO : lateness);
		}
	}

	private static double dueIndexSize(StreamsBuilderFactoryBean factory) {
		KafkaStreams streams = factory.getKafkaStreams();
		if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
			return Double.NaN;
		}
		try {
			return streams
				.store(StoreQueryParameters.fromNameAndType(SchedulerTopology.INDEX_STORE,
						QueryableStoreTypes.keyValueStore()))
				.approximateNumEntries();
		}
		catch (InvalidStateStoreException ex) {
			return Double.NaN;
		}
	}

}
