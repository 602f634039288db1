package io.keepline.contracts;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A phone number in canonical E.164 form ({@code +32470123456}), checked against
 * libphonenumber's numbering plans. {@link #toString()} is masked so that a number never
 * reaches a log in clear.
 */
public record Msisdn(String value) implements Comparable<Msisdn> {

	private static final PhoneNumberUtil PHONE = PhoneNumberUtil.getInstance();

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	public Msisdn {
		InvalidValueException.require(value, "msisdn");
		if (!E164.matcher(value).matches()) {
			throw new InvalidValueException("not_e164", "not an E.164 number (+ and 7 to 15 digits)");
		}
		if (!PHONE.isValidNumber(parse(value))) {
			throw new InvalidValueException("invalid_msisdn", "not a valid number in its country's numbering plan");
		}
	}

	@JsonCreator
	public static Msisdn of(String value) {
		return new Msisdn(value);
	}

	@JsonValue
	@Override
	public String value() {
		return this.value;
	}

	/** Whether the numbering plan says this is (or may be) a mobile number. */
	public boolean isMobile() {
		PhoneNumberType type = PHONE.getNumberType(parse(this.value));
		return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
	}

	/** ISO 3166 region of the number, such as {@code BE}. */
	public String region() {
		return PHONE.getRegionCodeForNumber(parse(this.value));
	}

	/**
	 * The number in international format with all but the country code, the first group
	 * and the last two digits hidden: {@code +32 470 ** ** 56}.
	 */
	public String masked() {
		String international = PHONE.format(parse(this.value), PhoneNumberFormat.INTERNATIONAL);
		String[] groups = international.split(" ");
		if (groups.length < 3) {
			return maskTail(international);
		}
		StringBuilder out = new StringBuilder(groups[0]).append(' ').append(groups[1]);
		StringBuilder rest = new StringBuilder();
		for (int i = 2; i < groups.length; i++) {
			rest.append(' ').append(groups[i]);
		}
		return out.append(maskTail(rest.toString())).toString();
	}

	private static String maskTail(String text) {
		char[] chars = text.toCharArray();
		int keep = 2;
		for (int i = chars.length - 1; i >= 0; i--) {
			if (Character.isDigit(chars[i])) {
				if (keep > 0) {
					keep--;
				}
				else {
					chars[i] = '*';
				}
			}
		}
		return new String(chars);
	}

	private static PhoneNumber parse(String e164) {
		try {
			return PHONE.parse(e164, null);
		}
		catch (NumberParseException ex) {
			throw new InvalidValueException("invalid_msisdn", "not a parseable phone number");
		}
	}

	@Override
	public int compareTo(Msisdn other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return masked();
	}

}
