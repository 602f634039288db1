package io.keepline.payments.pages;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.keepline.contracts.Money;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.payments.line.PaymentHistory;

/**
 * What the status page says about automatic renewal: "on" only when the scheduler will
 * charge (operator allows, holder opted in, card saved for the current registration, not
 * turned off since), with the charge date worked out as the scheduler does (the first of
 * the attempt days still ahead, in the holder's time zone) and the record's price; and
 * which of turning off and removing the card the holder can do. The page's template calls
 * its public methods.
 */
record AutoRenewalView(State state, String brand, String last4, LocalDate chargeOn, int daysBefore, Money amount,
		boolean canTurnOff, boolean canRemoveCard) {

	/** The message the page shows. */
	enum State {

		/** Charged on {@code chargeOn}. */
		ON,

		/** On, the current cycle needs no charge: the next cycle's will be. */
		ON_NEXT_CYCLE,

		/** On, but the last attempt day of the current cycle has passed. */
		ON_NO_ATTEMPT_LEFT,

		/** On, but the card expires before {@code chargeOn}. */
		CARD_EXPIRES,

		/** Off, no card. */
		OFF,

		/** Off, the card is still saved. */
		OFF_CARD_KEPT,

		/** The operator does not allow automatic renewal of this line. */
		NOT_ALLOWED;

		String messageKey() {
			return "status.autoRenew." + name();
		}

	}

	static AutoRenewalView of(LineRecord line, PaymentHistory history, LocalDate today, List<Integer> daysBefore) {
		AutoRenewal renewal = line.autoRenewal();
		SavedMethod recorded = recordedMethod(line, history);
		Optional<PaymentMethodRef> kept = history.methodSince(line.registeredAt());
		String brand = (recorded != null) ? recorded.brand()
				: kept.map((m) -> Objects.requireNonNullElse(m.brand(), "")).orElse(null);
		String last4 = (recorded != null) ? recorded.last4()
				: kept.map((m) -> Objects.requireNonNullElse(m.last4(), "")).orElse(null);
		boolean hasCard = hasCard(line, history);
		boolean optedIn = optedIn(line, history);
		State state;
		LocalDate chargeOn = null;
		int days = daysBefore.get(0);
		if (!renewal.operatorAllows()) {
			state = State.NOT_ALLOWED;
		}
		else if (!optedIn || recorded == null) {
			state = hasCard ? State.OFF_CARD_KEPT : State.OFF;
		}
		else if (line.cycleState() != CycleState.OPEN) {
			state = State.ON_NEXT_CYCLE;
		}
		else {
			Integer next = daysBefore.stream()
				.filter((d) -> !line.validUntil().minusDays(d).isBefore(today))
				.findFirst()
				.orElse(null);
			if (next == null) {
				state = State.ON_NO_ATTEMPT_LEFT;
			}
			else {
				days = next;
				chargeOn = line.validUntil().minusDays(next);
				state = recorded.expiredOn(chargeOn) ? State.CARD_EXPIRES : State.ON;
			}
		}
		return new AutoRenewalView(state, brand, last4, chargeOn, days, line.price(), optedIn, hasCard);
	}

	/**
	 * Whether the holder has automatic renewal on: opted in by the record and not turned
	 * off since (payments' history knows it before the record does).
	 */
	static boolean optedIn(LineRecord line, PaymentHistory history) {
		return line.autoRenewal().holderOptedIn() && !history.autoRenewalStopped();
	}

	/** Whether the holder has a card saved for the current registration. */
	static boolean hasCard(LineRecord line, PaymentHistory history) {
		return recordedMethod(line, history) != null || history.methodSince(line.registeredAt()).isPresent();
	}

	private static SavedMethod recordedMethod(LineRecord line, PaymentHistory history) {
		return history.autoRenewalStopped() ? null : line.autoRenewal().method();
	}

	/** Whether the holder's automatic renewal is on (whatever this cycle needs). */
	public boolean on() {
		return this.state == State.ON || this.state == State.ON_NEXT_CYCLE || this.state == State.ON_NO_ATTEMPT_LEFT
				|| this.state == State.CARD_EXPIRES;
	}

	/**
	 * Whether turning it on (saving a card) is offered: only where the operator allows.
	 */
	public boolean canTurnOn() {
		return this.state == State.OFF || this.state == State.OFF_CARD_KEPT;
	}

	/**
	 * The message of the state; a card kept whose digits payments does not know (read
	 * sealed on payment-events, and the line record no longer shows it) is named without
	 * them.
	 */
	public String messageKey() {
		if (this.state == State.OFF_CARD_KEPT && (this.last4 == null || this.last4.isEmpty())) {
			return State.OFF_CARD_KEPT.messageKey() + "_UNKNOWN";
		}
		return this.state.messageKey();
	}

}
