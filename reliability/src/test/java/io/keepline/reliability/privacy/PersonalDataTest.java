package io.keepline.reliability.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search of scenario C finds a datum in every form a log line could show it in, and
 * nothing in masked numbers or ordinary log noise.
 */
class PersonalDataTest {

	private final PersonalData data = data();

	@ParameterizedTest
	@ValueSource(strings = { "to +32495100100 now", "to 32495100100", "msisdn=0495100100", "0495 10 01 00",
			"+32 495 10 01 00", "0495/10.01.00", "(0495) 10-01-00", "key 495100100,",
			"POST /outbox/webhooks/32495100100", "Li.Wei@Example.com bounced", "to=li.wei%40example.com",
			"holder Zoë Ångström", "\"Zo\\u00eb \\u00c5ngstr\\u00f6m\"", "name=Zo%C3%AB+%C3%85ngstr%C3%B6m",
			"+447400123101" })
	void findsADatumInEveryUsualForm(String line) {
		assertThat(this.data.find(line)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "RenewalConfirmed for +32 495 ** ** 00 cycle 2026-12-06",
			"2026-12-01T04:59:37.746Z offset 32495 partition 10", "took 495100 ms, 1495100100 bytes",
			"li.wei at example dot com", "Zoë", "Ångström" })
	void findsNothingInMaskedNumbersOrNoise(String line) {
		assertThat(this.data.find(line)).isEmpty();
	}

	@Test
	void masksEveryDatumInTheExcerpt() {
		String masked = this.data.mask("sent to +32495100100 for Zoë Ångström at li.wei@example.com");

		assertThat(masked).isEqualTo("sent to [phone number] for [name] at [email]");
	}

	private static PersonalData data() {
		PersonalData data = new PersonalData();
		data.number("+32495100100");
		data.number("+447400123101");
		data.email("li.wei@example.com");
		data.name("Zoë Ångström");
		return data;
	}

}
