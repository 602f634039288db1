package io.keepline.reliability.poison;

import java.util.List;
import java.util.Map;

import io.keepline.contracts.Msisdn;
import io.keepline.reliability.poison.DeadLetters.Written;

/**
 * One round of the scenario: its lines ({@code raw} sent on the raw operator topic,
 * {@code line} registered on line-events and paid on payment-events, {@code deadline}
 * reminded and charged on deadline-events, one line per notifier retry topic) and the
 * poisons written ahead of their good records.
 */
record Round(Msisdn raw, Msisdn line, Msisdn deadline, Map<String, Msisdn> retried, List<Written> written) {

	@Override
	public String toString() {
		return "good records of line " + this.line;
	}

}
