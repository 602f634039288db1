package io.keepline.ingest.notice.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.contracts.webhook.WebhookKeys;
import io.keepline.contracts.webhook.WebhookSignature;
import io.keepline.ingest.notice.NoticeSettings;
import io.keepline.support.kafka.DeadLetters;
import io.keepline.support.kafka.KafkaClients;
import io.keepline.support.outbound.OutboundClient;
import io.keepline.support.outbound.OutboundClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Each operator's webhook ({@code KEEPLINE_OPERATOR_WEBHOOKS}), signed with that
 * operator's keys from {@code KEEPLINE_OPERATOR_WEBHOOK_SECRETS} (separate from the
 * holders' webhook keys, so that no holder receiver can forge an operator notice), fed by
 * a consumer of that operator's notice topic: retried with back-off doubling from
 * {@code retry-first} up to {@code retry-max} for {@code retry-for}, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "keepline.ingest.notices.enabled", matchIfMissing = true)
class NoticeWebhookConfiguration {

	/** Most notices one poll hands to the webhook between two polls. */
	static final int MAX_POLL_RECORDS = 20;

	@Bean
	OperatorWebhooks operatorWebhooks(NoticeSettings settings, OperatorKeys operatorKeys) {
		OperatorWebhooks webhooks = OperatorWebhooks.parse(settings.webhooks());
		for (OperatorId operator : webhooks.urls().keySet()) {
			if (!operatorKeys.operators().contains(operator)) {
				throw new IllegalArgumentException("KEEPLINE_OPERATOR_WEBHOOKS names " + operator
						+ ", which has no key in KEEPLINE_OPERATOR_KEYS");
			}
		}
		return webhooks;
	}

	/** Operator webhooks come from configuration: the trusted client calls them. */
	@Bean
	OutboundClient noticeWebhookClient(OutboundClients clients, NoticeSettings settings) {
		return clients.trusted(settings.webhookDeadline());
	}

	@Bean
	NoticeWebhookContainers noticeWebhookContainers(OperatorWebhooks webhooks, NoticeSettings settings,
			KafkaClients clients, DeadLetters deadLetters, OutboundClient noticeWebhookClient, Clock clock) {
		List<ConcurrentMessageListenerContainer<Msisdn, OperatorNotice>> containers = new ArrayList<>();
		if (webhooks.urls().isEmpty()) {
			return new NoticeWebhookContainers(containers);
		}
		WebhookKeys keys = keys(settings);
		for (Map.Entry<OperatorId, URI> webhook : webhooks.urls().entrySet()) {
			OperatorId operator = webhook.getKey();
			WebhookSignature signature = keys.of(operator)
				.orElseThrow(() -> new IllegalArgumentException("operator " + operator
						+ " has a webhook but no key in KEEPLINE_OPERATOR_WEBHOOK_SECRETS (operator=kid:secret)"));
			NoticeWebhook delivery = new HttpNoticeWebhook(noticeWebhookClient, webhook.getValue(), signature, clock);
			containers.add(container(Topics.operatorNotices(operator), settings, clients, deadLetters,
					new NoticeWebhookListener(delivery)));
		}
		return new NoticeWebhookContainers(containers);
	}

	private static WebhookKeys keys(NoticeSettings settings) {
		try {
			return WebhookKeys.parse(settings.webhookSecrets());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("KEEPLINE_OPERATOR_WEBHOOK_SECRETS: " + ex.getMessage(), ex);
		}
	}

	private static ConcurrentMessageListenerContainer<Msisdn, OperatorNotice> container(
			Topic<Msisdn, OperatorNotice> topic, NoticeSettings settings, KafkaClients clients, DeadLetters deadLetters,
			NoticeWebhookListener listener) {
		String group = settings.applicationId() + "-webhook-" + Topics.operatorOfNotices(topic.name()).orElseThrow();
		ConcurrentMessageListenerContainer<Msisdn, OperatorNotice> container = clients.listenerFactory(topic)
			.createContainer(topic.name());
		container.getContainerProperties().setGroupId(group);
		container.getContainerProperties().setMessageListener(listener);
		// a retry waits in the consumer thread: the poll interval must outlast the
		// longest wait and a poll's worth of deliveries
		Duration pollInterval = settings.retryMax()
			.plus(settings.webhookDeadline().multipliedBy(MAX_POLL_RECORDS + 1L))
			.plusMinutes(1);
		container.getContainerProperties()
			.getKafkaConsumerProperties()
			.setProperty(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Long.toString(pollInterval.toMillis()));
		container.getContainerProperties()
			.getKafkaConsumerProperties()
			.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(MAX_POLL_RECORDS));
		container.setConcurrency(1);
		ExponentialBackOff backOff = new ExponentialBackOff(settings.retryFirst().toMillis(), 2.0);
		backOff.setMaxInterval(settings.retryMax().toMillis());
		backOff.setMaxElapsedTime(settings.retryFor().toMillis());
		container.setCommonErrorHandler(new DefaultErrorHandler(deadLetters.recoverer(group), backOff));
		container.setBeanName(group);
		container.setAutoStartup(false);
		return container;
	}

}
