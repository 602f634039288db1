package io.keepline.notifier.holder;

import java.util.Locale;
import java.util.Set;

/**
 * The SMS replies that stop SMS (Twilio's and Belgian operators' opt-out words, in
 * English, French, German/Dutch and Chinese), and those that allow it again (START,
 * UNSTOP), compared trimmed and case-insensitively.
 */
final class StopWords {

	private static final Set<String> WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRÊT",
			"ARRET", "STOPP", "停止");

	/** The replies that allow SMS again (Twilio's opt-in words, and French). */
	private static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "YES", "DÉMARRER", "DEMARRER");

	private StopWords() {
	}

	static boolean isStart(String body) {
		return body != null && START_WORDS.contains(body.strip().toUpperCase(Locale.ROOT));
	}

	static boolean isStop(String body) {
		return body != null && WORDS.contains(body.strip().toUpperCase(Locale.ROOT));
	}

}
