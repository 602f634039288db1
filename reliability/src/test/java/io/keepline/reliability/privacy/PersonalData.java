package io.keepline.reliability.privacy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The personal data a run used, and where a text shows one in clear: a phone number in
 * any usual form (E.164, digits only, national, grouped with spaces, dots or dashes), an
 * email address (also URL-encoded), a name (also JSON-escaped or URL-encoded).
 */
final class PersonalData {

	/** A run of digits with the separators phone numbers are written with. */
	private static final Pattern DIGITS = Pattern.compile("\\+?\\d(?:[\\d \\-./()]*\\d)?");

	private static final PhoneNumberUtil PHONE = PhoneNumberUtil.getInstance();

	private final Set<Number> numbers = new LinkedHashSet<>();

	private final Set<String> emails = new LinkedHashSet<>();

	private final Map<String, List<String>> names = new LinkedHashMap<>();

	/** Where a text shows a datum: its kind and the text with every datum masked. */
	record Match(String kind, String masked) {

	}

	void number(String e164) {
		if (e164 != null) {
			this.numbers.add(Number.of(e164));
		}
	}

	void email(String email) {
		if (email != null) {
			this.emails.add(email);
		}
	}

	void name(String name) {
		if (name != null) {
			this.names.put(name, forms(name));
		}
	}

	int size() {
		return this.numbers.size() + this.emails.size() + this.names.size();
	}

	/** Every datum {@code text} shows, empty when none. */
	List<Match> find(String text) {
		List<Match> found = new ArrayList<>();
		String lower = text.toLowerCase(Locale.ROOT);
		for (String email : this.emails) {
			String address = email.toLowerCase(Locale.ROOT);
			if (lower.contains(address) || lower.contains(address.replace("@", "%40"))) {
				found.add(new Match("email", mask(text)));
			}
		}
		for (List<String> forms : this.names.values()) {
			if (forms.stream().anyMatch(text::contains)) {
				found.add(new Match("name", mask(text)));
			}
		}
		Matcher digits = DIGITS.matcher(text);
		while (digits.find()) {
			String run = digits.group().replaceAll("\\D", "");
			if (this.numbers.stream().anyMatch((number) -> number.shownBy(run))) {
				found.add(new Match("phone number", mask(text)));
			}
		}
		return found;
	}

	/**
	 * A phone number's digits, internationally and nationally (with and without trunk 0).
	 */
	private record Number(String international, String national) {

		static Number of(String e164) {
			try {
				return new Number(e164.substring(1), PHONE.getNationalSignificantNumber(PHONE.parse(e164, null)));
			}
			catch (NumberParseException ex) {
				throw new IllegalArgumentException("not a phone number: " + e164, ex);
			}
		}

		/** Whether a run of digits (separators removed) is or holds this number. */
		boolean shownBy(String run) {
			return run.contains(this.international) || run.equals(this.national) || run.equals("0" + this.national);
		}

	}

	private static List<String> forms(String name) {
		StringBuilder lower = new StringBuilder();
		StringBuilder upper = new StringBuilder();
		for (char c : name.toCharArray()) {
			lower.append((c < 128) ? String.valueOf(c) : String.format("\\u%04x", (int) c));
			upper.append((c < 128) ? String.valueOf(c) : String.format("\\u%04X", (int) c));
		}
		String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
		return List.of(name, lower.toString(), upper.toString(), encoded, encoded.replace("+", "%20"));
	}

	/**
	 * {@code text} around its first datum with every datum replaced by its kind, for
	 * reports.
	 */
	String mask(String text) {
		String masked = text;
		for (String email : this.emails) {
			masked = masked.replaceAll("(?i)" + Pattern.quote(email) + "|" + Pattern.quote(email.replace("@", "%40")),
					"[email]");
		}
		for (List<String> forms : this.names.values()) {
			for (String form : forms) {
				masked = masked.replace(form, "[name]");
			}
		}
		Matcher digits = DIGITS.matcher(masked);
		StringBuilder out = new StringBuilder();
		while (digits.find()) {
			String run = digits.group().replaceAll("\\D", "");
			boolean personal = this.numbers.stream().anyMatch((number) -> number.shownBy(run));
			digits.appendReplacement(out, personal ? "[phone number]" : Matcher.quoteReplacement(digits.group()));
		}
		digits.appendTail(out);
		int at = Math.max(0, out.indexOf("["));
		return out.substring(Math.max(0, at - 100), Math.min(out.length(), at + 100));
	}

}
