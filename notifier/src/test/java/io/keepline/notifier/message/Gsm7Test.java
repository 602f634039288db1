package io.keepline.notifier.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Gsm7Test {

	@Test
	void acceptsTheLettersOfTheGsmAlphabet() {
		assertThat(Gsm7.encodes("Numéro à renouveler, Straße, März, ñ €")).isTrue();
		assertThat(Gsm7.encodes("être")).isFalse();
		assertThat(Gsm7.encodes("续费")).isFalse();
	}

	@Test
	void countsExtensionCharactersTwice() {
		assertThat(Gsm7.septets("15,00 €")).isEqualTo(8);
		assertThat(Gsm7.septets("[x]")).isEqualTo(5);
	}

	@Test
	void foldsAccentsTheAlphabetLacks() {
		assertThat(Gsm7.fold("prête à payer ça, août\u202f€")).isEqualTo("prete à payer ca, aout €");
		assertThat(Gsm7.encodes(Gsm7.fold("reçu, être, août, vóór, 15,00\u00a0€"))).isTrue();
	}

	@Test
	void countsSegments() {
		assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
		assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
		assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
		assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
		assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
		assertThat(SmsSegments.count("续".repeat(70))).isEqualTo(1);
		assertThat(SmsSegments.count("续".repeat(71))).isEqualTo(2);
		assertThat(SmsSegments.count("续".repeat(135))).isEqualTo(3);
	}

}
