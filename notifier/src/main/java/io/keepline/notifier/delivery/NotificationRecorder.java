package io.keepline.notifier.delivery;

import io.keepline.contracts.notification.NotificationEvent;

/**
 * Publishes the outcome of a notification, and returns once it is durable.
 */
@FunctionalInterface
public interface NotificationRecorder {

	void record(NotificationEvent event);

}
