package io.keepline.notifier.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.DigestSettings;
import io.keepline.notifier.NotifierSettings;
import io.keepline.notifier.delivery.Digests;
import io.keepline.notifier.delivery.HolderPseudonym;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.notifier.delivery.Notifier;
import io.keepline.notifier.delivery.SentLog;
import io.keepline.support.kafka.DeadLetters;
import io.keepline.support.kafka.KafkaClients;
import io.keepline.support.kafka.ServiceTopics;
import io.keepline.support.links.LinkSettings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * One email for several pay reminders of one holder: the holder-reminders topic (the
 * repartition by holder pseudonym), its reader and the gathering (docs/architecture.md,
 * "Digests").
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DigestSettings.class)
class NotifierDigestConfiguration {

	@Bean
	KafkaAdmin.NewTopics holderRemindersTopics() {
		return ServiceTopics.writes(Topics.HOLDER_REMINDERS).deadLettersOf(Topics.HOLDER_REMINDERS);
	}

	/**
	 * Under {@code keepline.notifier.digest.secret}, or a key derived from the link
	 * signing secret when it is not set.
	 */
	@Bean
	HolderPseudonym holderPseudonym(DigestSettings digest, LinkSettings links) {
		if (digest.secret() != null && !digest.secret().isBlank()) {
			return new HolderPseudonym(digest.secret().getBytes(StandardCharsets.UTF_8));
		}
		return HolderPseudonym.derivedFrom(links.keys().get(links.keys().size() - 1).secret());
	}

	/** A bean, so that the context closes its producer. */
	@Bean
	KafkaTemplate<String, DeadlineEvent> holderRemindersTemplate(KafkaClients clients) {
		return clients.template(Topics.HOLDER_REMINDERS);
	}

	@Bean
	HolderReminders holderReminders(DigestSettings digest, HolderPseudonym holderPseudonym,
			KafkaTemplate<String, DeadlineEvent> holderRemindersTemplate, NotifierSettings settings) {
		return new HolderReminders(digest.enabled(), holderPseudonym, holderRemindersTemplate, settings.httpTimeout());
	}

	@Bean
	Digests digests(Notifier notifier, LineLookup lines, SentLog sentLog,
			KafkaNotificationRecorder notificationRecorder, Clock clock) {
		return new Digests(notifier, lines, sentLog, notificationRecorder, clock);
	}

	/** As many threads as SMTP connections, as the email and SMS pool. */
	@Bean
	HolderGathering holderGathering(Digests digests, KafkaNotificationRecorder notificationRecorder,
			DigestSettings digest, NotifierSettings settings) {
		return new HolderGathering(digests, notificationRecorder, digest.gatherWindow(), digest.retryBackoff(),
				digest.maxRetryBackoff(), settings.smtpConnections());
	}

	/**
	 * Acknowledged by hand, in order, once sent; the sent-log catches up on assignment;
	 * unreadable records go to the dead letters at once.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<String, DeadlineEvent> holderRemindersListenerFactory(KafkaClients clients,
			HolderGathering holderGathering, SentLogTail sentLogTail, DeadLetters deadLetters,
			NotifierSettings settings) {
		ConcurrentKafkaListenerContainerFactory<String, DeadlineEvent> factory = clients
			.listenerFactory(Topics.HOLDER_REMINDERS);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
		factory.getContainerProperties()
			.setConsumerRebalanceListener(
					holderGathering.rebalanceListener(new OnRebalance(sentLogTail, new InOrderAcks())));
		DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters.recoverer(settings.groupId() + "-holders"),
				new FixedBackOff(0, 0));
		errors.setAckAfterHandle(false);
		factory.setCommonErrorHandler(errors);
		return factory;
	}

}
