package io.keepline.scheduler.deadline;

import java.time.Instant;
import java.util.Objects;

import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;

/**
 * The one mapping from the scheduler's line state to the line record it publishes, and
 * the test of whether a new state changes that record (its {@code updatedAt} aside).
 */
public final class LineRecords {

	private LineRecords() {
	}

	/**
	 * The record of {@code state} as of {@code updatedAt}; null for no state or a stub
	 * (events that arrived before the registration), which have no record.
	 */
	public static LineRecord of(LineState state, Instant updatedAt) {
		if (state == null || !state.registered() || state.cycle() == null) {
			return null;
		}
		return new LineRecord(state.msisdn(), state.operator(), state.plan(), state.cycle().validUntil(),
				cycleState(state), state.price(), autoRenewal(state), state.holder(), state.registeredAt(), updatedAt);
	}

	/**
	 * Whether going from {@code before} to {@code after} changes the line's record: a new
	 * or different record, or a record that disappears.
	 */
	public static boolean changed(LineState before, LineState after) {
		if (before == after) {
			return false;
		}
		LineRecord previous = of(before, Instant.EPOCH);
		LineRecord next = of(after, Instant.EPOCH);
		return !Objects.equals(previous, next);
	}

	/**
	 * The cycle's state; a payment being processed makes an open or lapsed cycle
	 * {@code PAYMENT_PENDING}, since it may still renew it.
	 */
	private static CycleState cycleState(LineState state) {
		LineStatus status = state.status();
		if ((status == LineStatus.ACTIVE || status == LineStatus.LAPSED) && state.cycle().pending()) {
			return CycleState.PAYMENT_PENDING;
		}
		return switch (status) {
			case ACTIVE -> CycleState.OPEN;
			case RENEWED -> CycleState.RENEWED;
			case LAPSED -> CycleState.LAPSED;
			case CANCELLED -> CycleState.CANCELLED;
			case UNREGISTERED -> throw new IllegalStateException("an unregistered line has no record");
		};
	}

	/**
	 * The operator's permission and the holder's saved method; a method without a brand
	 * or last four digits (a payment method type Stripe shows none for) keeps them blank.
	 */
	private static AutoRenewal autoRenewal(LineState state) {
		PaymentMethodRef method = state.paymentMethod();
		if (method == null) {
			return new AutoRenewal(state.autoRenew(), false, null);
		}
		SavedMethod saved = new SavedMethod(Objects.requireNonNullElse(method.brand(), ""),
				Objects.requireNonNullElse(method.last4(), ""), method.expMonth(), method.expYear());
		return new AutoRenewal(state.autoRenew(), true, saved);
	}

}
