package io.keepline.payments.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import io.keepline.contracts.reconcile.ReconciliationCheckpoint;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.PaymentsSettings;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.webhook.WebhookProcessor;
import io.keepline.support.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * Wires reconciliation: its checkpoint topic, the consumer group whose single partition
 * elects the instance that reconciles, the pass itself and its health.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationSettings.class)
class ReconciliationConfiguration {

	/** How long a checkpoint read or write waits for Kafka. */
	static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

	@Bean
	KafkaAdmin.NewTopics reconciliationTopic() {
		return new KafkaAdmin.NewTopics(Topics.RECONCILIATION_CHECKPOINTS.newTopic());
	}

	/** A bean, so that the context closes its producer. */
	@Bean
	KafkaTemplate<String, ReconciliationCheckpoint> reconciliationCheckpointsTemplate(KafkaClients kafka) {
		return kafka.template(Topics.RECONCILIATION_CHECKPOINTS);
	}

	@Bean
	ReconcilerElection reconcilerElection() {
		return new ReconcilerElection();
	}

	/**
	 * The election: a member of group {@code <group-id>-reconciliation} on the checkpoint
	 * topic, heartbeating every second so that a member's arrival or departure is noticed
	 * at once; the records it receives need no handling (the pass reads the checkpoint
	 * itself).
	 */
	@Bean
	ConcurrentMessageListenerContainer<String, ReconciliationCheckpoint> reconciliationElectionContainer(
			KafkaClients kafka, PaymentsSettings settings, ReconcilerElection election) {
		ConcurrentMessageListenerContainer<String, ReconciliationCheckpoint> container = kafka
			.listenerFactory(Topics.RECONCILIATION_CHECKPOINTS)
			.createContainer(Topics.RECONCILIATION_CHECKPOINTS.name());
		container.getContainerProperties().setGroupId(settings.groupId() + "-reconciliation");
		container.getContainerProperties().setConsumerRebalanceListener(election);
		Properties consumer = new Properties();
		consumer.setProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
		container.getContainerProperties().setKafkaConsumerProperties(consumer);
		container.getContainerProperties()
			.setMessageListener((MessageListener<String, ReconciliationCheckpoint>) (record) -> {
			});
		return container;
	}

	@Bean
	Reconciliation reconciliation(PaymentGateway gateway, WebhookProcessor processor, KafkaClients kafka,
			KafkaTemplate<String, ReconciliationCheckpoint> reconciliationCheckpointsTemplate,
			ReconcilerElection election, ReconciliationSettings reconciliation, PaymentsSettings settings,
			Clock clock) {
		ReconciliationCheckpoints checkpoints = new ReconciliationCheckpoints(kafka.consumerProperties(),
				reconciliationCheckpointsTemplate, KAFKA_TIMEOUT);
		return new Reconciliation(gateway, processor, checkpoints, election, reconciliation, account(settings),
				settings.reconcileLookback(), clock);
	}

	@Bean
	ReconciliationHealth reconciliationHealthIndicator(Reconciliation reconciliation, ReconciliationSettings settings,
			Clock clock, MeterRegistry meters) {
		return new ReconciliationHealth(reconciliation, settings.staleAfter(), clock, meters);
	}

	/**
	 * The checkpoint's key: the payments deployment (its group id) and where it pays: the
	 * offline sandbox, or Stripe's live or test mode (the API key says which).
	 */
	static String account(PaymentsSettings settings) {
		String key = settings.stripe().apiKey();
		String mode = settings.sandbox() ? "sandbox"
				: (key.startsWith("sk_live_") || key.startsWith("rk_live_")) ? "stripe-live" : "stripe-test";
		return settings.groupId() + "/" + mode;
	}

}
