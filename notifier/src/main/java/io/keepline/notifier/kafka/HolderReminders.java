package io.keepline.notifier.kafka;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.keepline.contracts.Channel;
import io.keepline.contracts.Holder;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.HolderPseudonym;
import io.keepline.notifier.delivery.TransientDeliveryException;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Moves the pay reminders that may join a holder's digest from deadline-events (keyed by
 * line) to the holder-reminders topic, keyed by the pseudonym of the holder's email
 * address, so that every reminder of one holder reaches the one instance that owns that
 * key's partition ({@link HolderGathering}).
 */
final class HolderReminders {

	private final boolean enabled;

	private final HolderPseudonym pseudonym;

	private final KafkaTemplate<String, DeadlineEvent> template;

	private final Duration timeout;

	HolderReminders(boolean enabled, HolderPseudonym pseudonym, KafkaTemplate<String, DeadlineEvent> template,
			Duration timeout) {
		this.enabled = enabled;
		this.pseudonym = pseudonym;
		this.template = template;
		this.timeout = timeout;
	}

	/**
	 * Whether {@code event} may join a digest: a scheduled pay reminder (not an
	 * operator's resend, a failed or planned charge) of a line whose record's holder is
	 * reached by email first and has no webhook.
	 */
	boolean gathers(DeadlineEvent event, Optional<LineRecord> line) {
		if (!this.enabled || !(event instanceof ReminderDue reminder) || reminder.plannedCharge() != null
				|| reminder.failure() != null || reminder.trigger() == ReminderTrigger.RESEND
				|| reminder.trigger() == ReminderTrigger.AUTO_RENEWAL_FAILED || line.isEmpty()) {
			return false;
		}
		Holder holder = line.get().holder();
		return holder != null && holder.email() != null && holder.webhookUrl() == null && !holder.channels().isEmpty()
				&& holder.channels().get(0) == Channel.EMAIL;
	}

	/**
	 * Publishes {@code event} under its holder's pseudonym and waits for the broker's
	 * acknowledgement; a transient failure (retried through the retry topics) otherwise.
	 */
	void forward(DeadlineEvent event, LineRecord line) {
		try {
			this.template.send(Topics.HOLDER_REMINDERS.name(), this.pseudonym.of(line.holder().email()), event)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new TransientDeliveryException("holder_reminders_unavailable",
					"could not publish the reminder to gather it: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransientDeliveryException("holder_reminders_unavailable", "interrupted", ex);
		}
	}

}
