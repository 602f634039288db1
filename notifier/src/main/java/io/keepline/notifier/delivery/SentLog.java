package io.keepline.notifier.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which notifications were accepted by a provider, and which failed for good, by
 * notification id. Fed by this instance's sends and by the notification-events topic (so
 * it survives restarts and rebalances); see {@code kafka.SentLogTail}.
 */
public final class SentLog {

	private final Set<String> sent = ConcurrentHashMap.newKeySet();

	private final Set<String> failed = ConcurrentHashMap.newKeySet();

	public boolean wasSent(String notificationId) {
		return this.sent.contains(notificationId);
	}

	public boolean failedPermanently(String notificationId) {
		return this.failed.contains(notificationId);
	}

	public void markSent(String notificationId) {
		this.sent.add(notificationId);
	}

	public void markFailedPermanently(String notificationId) {
		this.failed.add(notificationId);
	}

	public int size() {
		return this.sent.size();
	}

}
