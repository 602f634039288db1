package io.keepline.ingest.validation;

import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.keepline.contracts.Msisdn;

/**
 * Checks that a text is an E.164 mobile number according to libphonenumber's numbering
 * plans: {@code not_e164}, {@code invalid_msisdn} or {@code not_mobile} otherwise.
 */
final class Phones {

	private static final PhoneNumberUtil PHONE = PhoneNumberUtil.getInstance();

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	private Phones() {
	}

	static Msisdn mobile(String text, String path, Problems problems) {
		if (!E164.matcher(text).matches()) {
			problems.add(path, Reasons.NOT_E164);
			return null;
		}
		PhoneNumber number;
		try {
			number = PHONE.parse(text, null);
		}
		catch (NumberParseException ex) {
			problems.add(path, Reasons.INVALID_MSISDN);
			return null;
		}
		// getNumberType is UNKNOWN exactly when the number fits no pattern of its plan,
		// which is what isValidNumber checks: one pass instead of two.
		PhoneNumberType type = PHONE.getNumberType(number);
		if (type == PhoneNumberType.UNKNOWN) {
			problems.add(path, Reasons.INVALID_MSISDN);
			return null;
		}
		if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
			problems.add(path, Reasons.NOT_MOBILE);
			return null;
		}
		return new Msisdn(text);
	}

}
