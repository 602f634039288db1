package io.keepline.notifier.message;

import java.util.Map;

/**
 * The GSM 03.38 7-bit SMS alphabet: which texts fit it, how many septets they take (the
 * extension characters such as {@code €} take two), and a folding of common accented
 * letters it lacks ({@code ê → e}) so that French texts stay in 160-character segments.
 */
public final class Gsm7 {

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENSION = "^{}\\[~]|€\f";

	private static final Map<Character, String> FOLDS = Map.ofEntries(Map.entry('â', "a"), Map.entry('á', "a"),
			Map.entry('ê', "e"), Map.entry('ë', "e"), Map.entry('î', "i"), Map.entry('ï', "i"), Map.entry('í', "i"),
			Map.entry('ô', "o"), Map.entry('ó', "o"), Map.entry('û', "u"), Map.entry('ú', "u"), Map.entry('ç', "c"),
			Map.entry('ÿ', "y"), Map.entry('œ', "oe"), Map.entry('Œ', "OE"), Map.entry('À', "A"), Map.entry('Â', "A"),
			Map.entry('È', "E"), Map.entry('Ê', "E"), Map.entry('Ë', "E"), Map.entry('Î', "I"), Map.entry('Ô', "O"),
			Map.entry('Û', "U"), Map.entry('\u00a0', " "), Map.entry('\u202f', " "), Map.entry('\u2009', " "),
			Map.entry('\u2019', "'"), Map.entry('\u2018', "'"), Map.entry('\u201c', "\""), Map.entry('\u201d', "\""),
			Map.entry('\u00ab', "\""), Map.entry('\u00bb', "\""), Map.entry('\u2013', "-"), Map.entry('\u2014', "-"),
			Map.entry('\u2026', "..."));

	private Gsm7() {
	}

	/** Whether every character of {@code text} is in the GSM-7 alphabet. */
	public static boolean encodes(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	/** The septets {@code text} takes in GSM-7 (extension characters count twice). */
	public static int septets(String text) {
		int septets = 0;
		for (int i = 0; i < text.length(); i++) {
			septets += (EXTENSION.indexOf(text.charAt(i)) >= 0) ? 2 : 1;
		}
		return septets;
	}

	/** {@code text} with the letters GSM-7 lacks replaced by their closest GSM-7 form. */
	public static String fold(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			String folded = FOLDS.get(text.charAt(i));
			if (folded != null && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (out != null) {
				out.append((folded != null) ? folded : String.valueOf(text.charAt(i)));
			}
		}
		return (out != null) ? out.toString() : text;
	}

}
