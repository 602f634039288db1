package io.keepline.notifier.message;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.Channel;
import io.keepline.contracts.CycleId;
import io.keepline.contracts.Holder;
import io.keepline.contracts.Money;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.PaymentFailure;

/**
 * One message to send to a holder about one cycle, before it is rendered for a channel.
 * Optional parts ({@code card}, {@code chargeOn}, {@code failure}) are null when the type
 * does not use them.
 *
 * @param type the message type, which picks the template
 * @param tone the tone of a reminder; null for other types
 * @param occasion what makes this message unique within its cycle, such as {@code 7} for
 * the seven-day stage or {@code attempt-2} for a second failed charge
 * @param sourceEventId the deadline event this notice answers
 * @param cycle the cycle concerned
 * @param holder who to tell, and how
 * @param stage days before the deadline (reminders), else 0
 * @param amount the price to pay or the amount paid
 * @param card the saved card, for automatic charges
 * @param chargeOn when the saved card will be charged
 * @param failure why an automatic charge failed
 * @param operator the line's operator, whose keys sign its webhooks
 * @param code the one-time code a card-code message carries, else null; never logged
 */
public record Notice(MessageType type, Tone tone, String occasion, UUID sourceEventId, CycleId cycle, Holder holder,
		int stage, Money amount, PaymentMethodRef card, LocalDate chargeOn, PaymentFailure failure, OperatorId operator,
		String code) {

	/** A notice that carries no one-time code. */
	public Notice(MessageType type, Tone tone, String occasion, UUID sourceEventId, CycleId cycle, Holder holder,
			int stage, Money amount, PaymentMethodRef card, LocalDate chargeOn, PaymentFailure failure,
			OperatorId operator) {
		this(type, tone, occasion, sourceEventId, cycle, holder, stage, amount, card, chargeOn, failure, operator,
				null);
	}

	/**
	 * The same notice for {@code to}: the line's current holder rather than the event's.
	 */
	public Notice to(Holder to) {
		return new Notice(this.type, this.tone, this.occasion, this.sourceEventId, this.cycle, to, this.stage,
				this.amount, this.card, this.chargeOn, this.failure, this.operator, this.code);
	}

	/**
	 * The template name reported on notification events and the bundle key prefix, such
	 * as {@code reminder-firm} or {@code line-lapsed}.
	 */
	public String template() {
		return (this.tone != null) ? this.type.code() + "-" + this.tone.code() : this.type.code();
	}

	/**
	 * The deterministic notification id: the name-based UUID of cycle, template and
	 * occasion, and channel, so that a redelivered event maps to the same id while the id
	 * carries no digit of the number (it travels on notification-events, in the sent-log
	 * and in webhook headers).
	 */
	public String notificationId(Channel channel) {
		return UUID
			.nameUUIDFromBytes(
					("keepline:notification:" + legacyNotificationId(channel)).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/**
	 * The id in its form before ids stopped carrying the number, such as
	 * {@code +32470123456:2026-12-31:reminder-firm-7:email}: only to find, in the
	 * sent-log, what was sent before the upgrade (docs/privacy.md); never sent or
	 * published.
	 */
	public String legacyNotificationId(Channel channel) {
		return this.cycle.asString() + ":" + template() + "-" + this.occasion + ":"
				+ channel.name().toLowerCase(java.util.Locale.ROOT);
	}

	/** Names the notice, never its holder's details or code. */
	@Override
	public String toString() {
		return "Notice[" + template() + "-" + this.occasion + " " + this.cycle + "]";
	}

}
