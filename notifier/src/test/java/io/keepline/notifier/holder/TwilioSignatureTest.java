package io.keepline.notifier.holder;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSignatureTest {

	/** The example in Twilio's request-validation documentation and SDK tests. */
	private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

	private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
			"Digits", "1234", "From", "+14158675309", "To", "+18005551212");

	@Test
	void matchesTwiliosPublishedVector() {
		TwilioSignature signature = new TwilioSignature("12345");

		assertThat(signature.sign(URL, PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
		assertThat(signature.verifies(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
	}

	@Test
	void refusesAnotherTokenUrlParameterOrNoSignature() {
		assertThat(new TwilioSignature("54321").verifies(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
		TwilioSignature signature = new TwilioSignature("12345");
		assertThat(signature.verifies(URL + "&x=1", PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
		assertThat(signature.verifies(URL, Map.of("Digits", "9999"), "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
		assertThat(signature.verifies(URL, PARAMS, null)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "STOP", " stop ", "StopAll", "UNSUBSCRIBE", "cancel", "End", "QUIT", "ARRÊT", "arrêt",
			"Arret", "STOPP", "停止", "\t停止\n" })
	void stopWordsStopSms(String body) {
		assertThat(StopWords.isStop(body)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "START", "stop please", "HELP", "YES" })
	void otherRepliesDoNot(String body) {
		assertThat(StopWords.isStop(body)).isFalse();
	}

}
