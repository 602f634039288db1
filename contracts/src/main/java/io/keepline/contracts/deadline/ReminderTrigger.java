package io.keepline.contracts.deadline;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a reminder was emitted.
 */
public enum ReminderTrigger {

	/** Its stage fell due on schedule. */
	@JsonProperty("scheduled")
	SCHEDULED,

	/**
	 * The line was registered after the stage's due instant: only the most urgent past
	 * stage is sent.
	 */
	@JsonProperty("catch_up")
	CATCH_UP,

	/** An automatic renewal failed; the holder can still pay with the link. */
	@JsonProperty("auto_renewal_failed")
	AUTO_RENEWAL_FAILED,

	/**
	 * The line's operator asked for the current reminder again
	 * ({@link io.keepline.contracts.line.ReminderResendRequested}).
	 */
	@JsonProperty("resend")
	RESEND

}
