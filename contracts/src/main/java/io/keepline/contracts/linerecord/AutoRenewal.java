package io.keepline.contracts.linerecord;

/**
 * Automatic renewal of a line: whether its operator allows it (the {@code autoRenew} of
 * the line's registration or latest holder update), whether the holder opted in (saved a
 * card through their auto-renew link), and the card saved, if any. A line renews itself
 * only when both are true and the card has not expired.
 */
public record AutoRenewal(boolean operatorAllows, boolean holderOptedIn, SavedMethod method) {

	/** Automatic renewal off, with no card saved. */
	public static final AutoRenewal OFF = new AutoRenewal(false, false, null);

	/** Whether a due cycle would be charged automatically. */
	public boolean active() {
		return this.operatorAllows && this.holderOptedIn && this.method != null;
	}

}
