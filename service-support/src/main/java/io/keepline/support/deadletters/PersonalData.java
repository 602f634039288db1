package io.keepline.support.deadletters;

import java.util.regex.Pattern;

/**
 * Masks what may be personal data in a failure's message before it is listed: phone
 * numbers (runs of six or more digits, with an optional {@code +}) and email addresses.
 */
final class PersonalData {

	private static final Pattern EMAIL = Pattern.compile("[^\\s@\"'<>(),;:]+@[^\\s@\"'<>(),;:]+");

	private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d ]{4,}\\d");

	private PersonalData() {
	}

	static String mask(String message) {
		if (message == null) {
			return null;
		}
		String masked = EMAIL.matcher(message).replaceAll("***@***");
		return NUMBER.matcher(masked).replaceAll("***");
	}

}
