package io.keepline.contracts.choice;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.topic.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HolderChoicesTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant REGISTERED = Instant.parse("2026-01-02T10:00:00Z");

	@Test
	void keepsTheFirstWayAChannelWasStoppedAndAddsOthers() {
		Instant first = Instant.parse("2026-03-01T08:00:00Z");
		HolderChoices choices = new HolderChoices(LINE, REGISTERED, Map.of())
			.suppress(Channel.EMAIL, first, HolderChoices.Via.ONE_CLICK_UNSUBSCRIBE)
			.suppress(Channel.EMAIL, first.plusSeconds(60), HolderChoices.Via.SMS_STOP)
			.suppress(Channel.SMS, first.plusSeconds(90), HolderChoices.Via.SMS_STOP);

		assertThat(choices.suppressedChannels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
		assertThat(choices.suppressed().get(Channel.EMAIL))
			.isEqualTo(new HolderChoices.Suppression(first, HolderChoices.Via.ONE_CLICK_UNSUBSCRIBE));
	}

	@Test
	void roundTripsThroughTheCatalogueSerdeWithoutAnyContact() {
		HolderChoices choices = new HolderChoices(LINE, REGISTERED, Map.of()).suppress(Channel.SMS,
				Instant.parse("2026-03-01T08:00:00Z"), HolderChoices.Via.SMS_STOP);

		byte[] json = Topics.HOLDER_CHOICES.valueSerde().serializer().serialize("t", choices);

		assertThat(Topics.HOLDER_CHOICES.valueSerde().deserializer().deserialize("t", json)).isEqualTo(choices);
		assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"sms\"", "SMS_STOP").doesNotContain("@");
		assertThat(choices.toString()).doesNotContain("470123456");
	}

	@Test
	void allowsAStoppedChannelAgainAndKeepsTheChosenLanguage() {
		HolderChoices choices = new HolderChoices(LINE, REGISTERED, Map.of())
			.suppress(Channel.EMAIL, REGISTERED, HolderChoices.Via.ONE_CLICK_UNSUBSCRIBE)
			.inLocale(HolderLocale.FR)
			.suppress(Channel.SMS, REGISTERED, HolderChoices.Via.PREFERENCE_PAGE)
			.allow(Channel.EMAIL);

		assertThat(choices.suppressedChannels()).containsExactly(Channel.SMS);
		assertThat(choices.locale()).isEqualTo(HolderLocale.FR);
		byte[] json = Topics.HOLDER_CHOICES.valueSerde().serializer().serialize("t", choices);
		assertThat(Topics.HOLDER_CHOICES.valueSerde().deserializer().deserialize("t", json)).isEqualTo(choices);
	}

}
