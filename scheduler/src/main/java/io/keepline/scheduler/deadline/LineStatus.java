package io.keepline.scheduler.deadline;

/** Where a line stands in its current cycle. */
public enum LineStatus {

	/** Known only from payment or extension events; not registered yet. */
	UNREGISTERED,

	/** Watched: reminders and charges are pending. */
	ACTIVE,

	/** The current cycle is paid. */
	RENEWED,

	/** The validity passed unpaid. */
	LAPSED,

	/** The operator cancelled the line: nothing more is emitted. */
	CANCELLED

}
