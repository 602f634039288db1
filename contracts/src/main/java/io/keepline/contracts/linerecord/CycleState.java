package io.keepline.contracts.linerecord;

/**
 * Where the line's current renewal cycle stands, as the scheduler decided it.
 */
public enum CycleState {

	/** Watched and unpaid: reminders go out and the holder can pay. */
	OPEN,

	/**
	 * A payment is being processed (for example a Bancontact or SEPA payment not yet
	 * settled): no further attempts and no pressure reminders until it settles.
	 */
	PAYMENT_PENDING,

	/** Paid; the operator integration applies the top-up. */
	RENEWED,

	/** The validity passed without a renewal. */
	LAPSED,

	/** The operator stopped Keepline's watch of this line. */
	CANCELLED;

	/**
	 * Whether the holder can pay this cycle through Keepline: only while it is open (a
	 * lapsed cycle is the operator's to recover, under its own rules).
	 */
	public boolean payable() {
		return this == OPEN;
	}

}
