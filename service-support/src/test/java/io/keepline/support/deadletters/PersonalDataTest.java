package io.keepline.support.deadletters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dead letter's listed reason keeps of a failure message.
 */
class PersonalDataTest {

	@Test
	void masksNumbersAndEmailAddressesAndKeepsTheRest() {
		assertThat(PersonalData.mask("550 mailbox ana.smith@example.com unavailable for +32 470 12 34 56"))
			.isEqualTo("550 mailbox ***@*** unavailable for ***");
		assertThat(PersonalData.mask("Unreadable LineEvent: msisdn +32470123456 is not a number"))
			.isEqualTo("Unreadable LineEvent: msisdn *** is not a number");
		assertThat(PersonalData.mask("timeout after 30 s")).isEqualTo("timeout after 30 s");
		assertThat(PersonalData.mask(null)).isNull();
	}

}
