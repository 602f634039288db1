package io.keepline.ingest.notice.webhook;

import io.keepline.contracts.notice.OperatorNotice;

/**
 * Delivers one notice to its operator's webhook, or throws
 * {@link NoticeNotDeliveredException}: the caller retries it.
 */
@FunctionalInterface
public interface NoticeWebhook {

	void deliver(OperatorNotice notice);

}
