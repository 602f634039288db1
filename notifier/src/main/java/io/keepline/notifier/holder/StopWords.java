package io.keepline.notifier.holder;

import java.util.Locale;
import java.util.Set;

/**
 * The SMS replies that stop SMS (Twilio's and Belgian operators' opt-out words, in
 * English, French, German/Dutch and Chinese), compared trimmed and case-insensitively.
 */
final class StopWords {

	private static final Set<String> WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRÊT",
			"ARRET", "STOPP", "停止");

	private StopWords() {
	}

	static boolean isStop(String body) {
		return body != null && WORDS.contains(body.strip().toUpperCase(Locale.ROOT));
	}

}
