package io.keepline.notifier.message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import io.keepline.contracts.Channel;
import io.keepline.contracts.CycleId;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.PaymentFailure;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.PaymentSource;

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
 * @param holder who to tell, and how: the line record's holder; null while the line has
 * no record (the notice is then not sent)
 * @param stage days before the deadline (reminders), else 0
 * @param amount the price to pay or the amount paid
 * @param card the saved card, as the line record shows it, for automatic charges
 * @param chargeOn when the saved card will be charged
 * @param failure why an automatic charge failed
 * @param operator the line's operator, whose keys sign its webhooks
 * @param code the one-time code a card-code message carries, else null; never logged
 * @param payment what a receipt, refund or failed-checkout message says about the
 * payment, else null
 * @param lapse what a lapse message says the holder can still do, else null
 */
public record Notice(MessageType type, Tone tone, String occasion, UUID sourceEventId, CycleId cycle, Holder holder,
		int stage, Money amount, SavedMethod card, LocalDate chargeOn, PaymentFailure failure, OperatorId operator,
		String code, PaymentFacts payment, LapseFacts lapse) {

	/** A notice that says nothing of a lapse. */
	public Notice(MessageType type, Tone tone, String occasion, UUID sourceEventId, CycleId cycle, Holder holder,
			int stage, Money amount, SavedMethod card, LocalDate chargeOn, PaymentFailure failure, OperatorId operator,
			String code, PaymentFacts payment) {
		this(type, tone, occasion, sourceEventId, cycle, holder, stage, amount, card, chargeOn, failure, operator, code,
				payment, null);
	}

	/** A notice that says nothing of a payment. */
	public Notice(MessageType type, Tone tone, String occasion, UUID sourceEventId, CycleId cycle, Holder holder,
			int stage, Money amount, SavedMethod card, LocalDate chargeOn, PaymentFailure failure, OperatorId operator,
			String code) {
		this(type, tone, occasion, sourceEventId, cycle, holder, stage, amount, card, chargeOn, failure, operator, code,
				null, null);
	}

	/** A notice that carries no one-time code. */
	public Notice(MessageType type, Tone tone, String occasion, UUID sourceEventId, CycleId cycle, Holder holder,
			int stage, Money amount, SavedMethod card, LocalDate chargeOn, PaymentFailure failure,
			OperatorId operator) {
		this(type, tone, occasion, sourceEventId, cycle, holder, stage, amount, card, chargeOn, failure, operator, null,
				null, null);
	}

	/** The same notice written in {@code locale} (the language its holder chose). */
	public Notice inLocale(HolderLocale locale) {
		Holder to = new Holder(this.holder.name(), this.holder.email(), this.holder.sms(), this.holder.webhookUrl(),
				locale, this.holder.timeZone());
		return new Notice(this.type, this.tone, this.occasion, this.sourceEventId, this.cycle, to, this.stage,
				this.amount, this.card, this.chargeOn, this.failure, this.operator, this.code, this.payment,
				this.lapse);
	}

	/** The same notice saying {@code facts} of its payment. */
	public Notice with(PaymentFacts facts) {
		return new Notice(this.type, this.tone, this.occasion, this.sourceEventId, this.cycle, this.holder, this.stage,
				this.amount, this.card, this.chargeOn, this.failure, this.operator, this.code, facts, this.lapse);
	}

	/** The same notice saying {@code facts} of what the holder can do after the lapse. */
	public Notice with(LapseFacts facts) {
		return new Notice(this.type, this.tone, this.occasion, this.sourceEventId, this.cycle, this.holder, this.stage,
				this.amount, this.card, this.chargeOn, this.failure, this.operator, this.code, this.payment, facts);
	}

	/**
	 * The template name reported on notification events and the bundle key prefix, such
	 * as {@code reminder-firm} or {@code line-lapsed}.
	 */
	public String template() {
		return (this.tone != null) ? this.type.code() + "-" + this.tone.code() : this.type.code();
	}

	/**
	 * The deterministic notification id: for a message about one payment, template,
	 * payment and channel, such as {@code payment-refunded:pi_3Def:email}; else the
	 * name-based UUID of cycle, template and occasion, and channel. Redelivered events
	 * map to the same id, and the id carries no digit of the number (it travels on
	 * notification-events, in the sent-log and in webhook headers).
	 */
	public String notificationId(Channel channel) {
		if (this.type.aboutOnePayment()) {
			return template() + ":" + this.occasion + ":" + channel.name().toLowerCase(Locale.ROOT);
		}
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
				+ channel.name().toLowerCase(Locale.ROOT);
	}

	/** Names the notice, never its holder's details or code. */
	@Override
	public String toString() {
		return "Notice[" + template() + "-" + this.occasion + " " + this.cycle + "]";
	}

	/**
	 * What a message says about a payment.
	 *
	 * @param source how it was paid; null if not known
	 * @param reason why it was refunded or failed (a reason code); null if not known
	 * @param renewedUntil the line's new validity once the operator applied the top-up,
	 * else null
	 * @param topUpBound how long the operator may take to apply a paid top-up
	 */
	public record PaymentFacts(PaymentSource source, String reason, LocalDate renewedUntil, Duration topUpBound) {

		/** The same facts with the line's new validity. */
		public PaymentFacts withRenewedUntil(LocalDate validUntil) {
			return new PaymentFacts(this.source, this.reason, validUntil, this.topUpBound);
		}

	}

	/**
	 * What the holder of a lapsed line can still do, from the plans configuration's
	 * {@code afterLapse} for the line's plan: the operator keeps the number until
	 * {@code graceUntil}, then it can be recovered through the operator until
	 * {@code recoveryUntil}. Both null when the plan keeps nothing after the lapse;
	 * {@link #UNKNOWN} when the plans configuration does not list the line's plan.
	 *
	 * @param known whether the plans configuration says anything for the line's plan
	 * @param graceUntil the last day the operator keeps the number, else null
	 * @param recoveryUntil the last day it can still be recovered, else null
	 */
	public record LapseFacts(boolean known, LocalDate graceUntil, LocalDate recoveryUntil) {

		/** The plan is not in the plans configuration: the operator decides. */
		public static final LapseFacts UNKNOWN = new LapseFacts(false, null, null);

		/** The text key, under the lapse template, of what the holder can still do. */
		public String key() {
			if (!this.known) {
				return "after.contactOperator";
			}
			return (this.graceUntil != null) ? "after.grace" : "after.none";
		}

	}

}
