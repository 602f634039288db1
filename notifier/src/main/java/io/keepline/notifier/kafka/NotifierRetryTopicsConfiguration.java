package io.keepline.notifier.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Spring Kafka's retry topics (what {@code @EnableKafkaRetryTopic} would set up), with
 * two changes: the error handler hands a failed deadline record on without committing it
 * (the listener commits in order, {@link InOrderAcks}), and its recoverer also serves the
 * deliveries that fail on their own threads ({@link Deliveries}).
 */
@Configuration
class NotifierRetryTopicsConfiguration extends RetryTopicConfigurationSupport {

	private final ObjectProvider<InOrderAcks> acks;

	private final ObjectProvider<Deliveries> deliveries;

	NotifierRetryTopicsConfiguration(ObjectProvider<InOrderAcks> acks, ObjectProvider<Deliveries> deliveries) {
		this.acks = acks;
		this.deliveries = deliveries;
	}

	@Override
	protected void configureCustomizers(CustomizersConfigurer customizers) {
		customizers.customizeErrorHandler((handler) -> {
			handler.setAckAfterHandle(false);
			handler.setRetryListeners(new DoneWhenRecovered(this.acks.getObject()));
		})
			.customizeDeadLetterPublishingRecoverer(
					(recoverer) -> this.deliveries.forEach((pool) -> pool.handOffThrough(recoverer)));
	}

	/**
	 * Its own scheduler, so that an embedding application's TaskScheduler is not needed.
	 */
	@Bean
	RetryTopicSchedulerWrapper retryTopicSchedulerWrapper() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("notifier-retry-");
		scheduler.initialize();
		return new RetryTopicSchedulerWrapper(scheduler);
	}

	/** Lets a record the error handler published to a retry topic be committed. */
	private record DoneWhenRecovered(InOrderAcks acks) implements RetryListener {

		@Override
		public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
		}

		@Override
		public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
			this.acks.done(record);
		}

	}

}
