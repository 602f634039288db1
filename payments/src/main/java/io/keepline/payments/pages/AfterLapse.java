package io.keepline.payments.pages;

import io.keepline.contracts.linerecord.LineRecord;

/**
 * What a holder can still do once their line lapsed: the message key of the words the
 * status page and a lapsed pay link show. The hook for the plans configuration's
 * {@code afterLapse: {graceDays, recoveryDays}}: until it exists, the words are general
 * ("contact your operator").
 */
final class AfterLapse {

	private AfterLapse() {
	}

	/** The message key of what {@code line}'s holder can still do after its lapse. */
	static String messageKey(LineRecord line) {
		return "lapsed.afterLapse.contactOperator";
	}

}
