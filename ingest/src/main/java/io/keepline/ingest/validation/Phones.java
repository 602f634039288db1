package io.keepline.ingest.validation;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * Checks that a text is an E.164 mobile number according to libphonenumber's numbering
 * plans: {@code not_e164}, {@code invalid_msisdn} or {@code not_mobile} otherwise. The
 * numbering-plan check is {@link Msisdn}'s own, done once per number.
 */
final class Phones {

	private Phones() {
	}

	static Msisdn mobile(String text, String path, FieldProblems problems) {
		Msisdn number;
		try {
			number = Msisdn.of(text);
		}
		catch (InvalidValueException ex) {
			problems.add(path, Reasons.NOT_E164.equals(ex.reason()) ? Reasons.NOT_E164 : Reasons.INVALID_MSISDN);
			return null;
		}
		if (!number.isMobile()) {
			problems.add(path, Reasons.NOT_MOBILE);
			return null;
		}
		return number;
	}

}
