package io.keepline.contracts;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 * reaches a log in clear. A class rather than a record so that {@link #trusted} can skip
 * the check for a number its service checked before it stored it.
 */
public final class Msisdn implements Comparable<Msisdn> {

	private static final PhoneNumberUtil PHONE = PhoneNumberUtil.getInstance();

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	/**
	 * What libphonenumber said about the numbers seen last, one per slot of a
	 * direct-mapped table: the same number read again (a state read, a record built from
	 * an event just validated, a link's claims) costs a lookup instead of a parse. A
	 * collision only means the number is parsed again.
	 */
	private static final AtomicReferenceArray<Facts> RECENT = new AtomicReferenceArray<>(1 << 14);

	private final String value;

	private Msisdn(String value) {
		this.value = value;
	}

	/**
	 * The number {@code value}, checked.
	 * @throws InvalidValueException {@code required}, {@code not_e164} or
	 * {@code invalid_msisdn}
	 */
	@JsonCreator
	public static Msisdn of(String value) {
		InvalidValueException.require(value, "msisdn");
		facts(value);
		return new Msisdn(value);
	}

	/**
	 * A number read back from a store the calling service wrote itself (a key or value it
	 * built from an {@code Msisdn} it had checked), without checking it again. Never for
	 * input from outside the service: use {@link #of} for that.
	 */
	public static Msisdn trusted(String value) {
		return new Msisdn(Objects.requireNonNull(value, "msisdn"));
	}

	/** The number in E.164 form. */
	@JsonValue
	public String value() {
		return this.value;
	}

	/** Whether the numbering plan says this is (or may be) a mobile number. */
	public boolean isMobile() {
		PhoneNumberType type = facts(this.value).type();
		return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
	}

	/** ISO 3166 region of the number, such as {@code BE}. */
	public String region() {
		return PHONE.getRegionCodeForNumber(facts(this.value).number());
	}

	/**
	 * The number in international format with all but the country code, the first group
	 * and the last two digits hidden: {@code +32 470 ** ** 56}.
	 */
	public String masked() {
		String international = PHONE.format(facts(this.value).number(), PhoneNumberFormat.INTERNATIONAL);
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

	/**
	 * Checks {@code e164} against the numbering plans, or finds it checked already.
	 * @throws InvalidValueException {@code not_e164} or {@code invalid_msisdn}
	 */
	private static Facts facts(String e164) {
		int slot = e164.hashCode() & (RECENT.length() - 1);
		Facts known = RECENT.get(slot);
		if (known != null && known.value().equals(e164)) {
			return known;
		}
		if (!E164.matcher(e164).matches()) {
			throw new InvalidValueException("not_e164", "not an E.164 number (+ and 7 to 15 digits)");
		}
		PhoneNumber number;
		try {
			number = PHONE.parse(e164, null);
		}
		catch (NumberParseException ex) {
			throw new InvalidValueException("invalid_msisdn", "not a parseable phone number");
		}
		// UNKNOWN exactly when the number fits no pattern of its plan, which is what
		// isValidNumber checks: one pass instead of two
		PhoneNumberType type = PHONE.getNumberType(number);
		if (type == PhoneNumberType.UNKNOWN) {
			throw new InvalidValueException("invalid_msisdn", "not a valid number in its country's numbering plan");
		}
		Facts facts = new Facts(e164, number, type);
		RECENT.set(slot, facts);
		return facts;
	}

	@Override
	public int compareTo(Msisdn other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public boolean equals(Object other) {
		return other == this || (other instanceof Msisdn msisdn && this.value.equals(msisdn.value));
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return masked();
	}

	/** A valid number as libphonenumber parsed it; never changed after it is made. */
	private record Facts(String value, PhoneNumber number, PhoneNumberType type) {
	}

}
