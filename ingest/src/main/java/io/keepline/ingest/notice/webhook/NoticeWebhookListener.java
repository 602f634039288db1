package io.keepline.ingest.notice.webhook;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.notice.OperatorNotice;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.MessageListener;

/**
 * Hands each notice of one operator's topic to that operator's webhook, in topic order; a
 * failure is retried by the container's error handler (blocking the partition, which
 * holds only this operator's notices) and dead-lettered when the retries run out.
 */
final class NoticeWebhookListener implements MessageListener<Msisdn, OperatorNotice> {

	private final NoticeWebhook webhook;

	NoticeWebhookListener(NoticeWebhook webhook) {
		this.webhook = webhook;
	}

	@Override
	public void onMessage(ConsumerRecord<Msisdn, OperatorNotice> record) {
		if (record.value() != null) {
			this.webhook.deliver(record.value());
		}
	}

}
