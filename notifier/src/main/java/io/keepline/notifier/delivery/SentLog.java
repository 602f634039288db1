package io.keepline.notifier.delivery;

/**
 * Which notifications were accepted by a provider, and which failed for good, by
 * notification id. Fed by this instance's sends and by the notification-events topic (see
 * {@code kafka.SentLogTail}), and kept in a {@link SentLogStore}: in memory for tests and
 * embedding, on disk with expiry in the service.
 */
public final class SentLog {

	private static final String SENT = "s:";

	private static final String FAILED = "f:";

	private final SentLogStore store;

	/** A sent-log in memory, forgotten on restart. */
	public SentLog() {
		this(new MemorySentLogStore());
	}

	public SentLog(SentLogStore store) {
		this.store = store;
	}

	/**
	 * Whether a provider accepted the notification and did not report it undelivered
	 * since (then it failed for good on that channel: see {@link #failedPermanently}).
	 */
	public boolean wasSent(String notificationId) {
		return this.store.contains(SENT + notificationId) && !this.store.contains(FAILED + notificationId);
	}

	public boolean failedPermanently(String notificationId) {
		return this.store.contains(FAILED + notificationId);
	}

	public void markSent(String notificationId) {
		this.store.add(SENT + notificationId);
	}

	public void markFailedPermanently(String notificationId) {
		this.store.add(FAILED + notificationId);
	}

	/** About how many notifications the log holds. */
	public long size() {
		return this.store.size();
	}

	/** The store, for the reader of notification-events to keep its positions in. */
	public SentLogStore store() {
		return this.store;
	}

}
