package io.keepline.support.links;

import java.net.URI;

import io.keepline.contracts.link.LinkKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LinkSettingsTest {

	private static final URI BASE = URI.create("https://pay.example/");

	@Test
	void needsASecretOfThirtyTwoBytesCountedAsBytesNotCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LinkSettings(null, BASE))
			.withMessageContaining("KEEPLINE_LINK_SECRET");
		assertThatIllegalArgumentException().isThrownBy(() -> new LinkSettings("x".repeat(31), BASE));
		// 16 characters of two bytes each
		assertThat(new LinkSettings("é".repeat(16), BASE).secret()).hasSize(16);
	}

	@Test
	void buildsPageUrlsOnTheBaseAndNeverShowsTheSecret() {
		LinkSettings settings = new LinkSettings("s".repeat(32), BASE);

		assertThat(settings.url("/status/abc")).isEqualTo("https://pay.example/status/abc");
		assertThat(settings.toString()).doesNotContain("sss");
	}

	@Test
	void readsRotatedSecretsTheFirstSealingAndKeepsTheSingleSecretAsAnOlderKey() {
		String current = "c".repeat(32);
		String previous = "p".repeat(32);
		String single = "o".repeat(32);

		LinkSettings settings = new LinkSettings(single, "k2:" + current + ", k1:" + previous, BASE);

		assertThat(settings.keys()).extracting(LinkKey::id).containsExactly("k2", "k1", LinkKey.derived(single).id());
		assertThat(new LinkSettings(current, "k2:" + current, BASE).keys()).extracting(LinkKey::id)
			.containsExactly("k2");
		assertThat(new LinkSettings(single, BASE).keys()).containsExactly(LinkKey.derived(single));
		assertThat(settings.toString()).doesNotContain("ccc", "ppp", "ooo").contains("k2", "k1");
	}

	@Test
	void refusesABadListNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LinkSettings(null, "k1" + "s".repeat(32), BASE))
			.withMessageContaining("KEEPLINE_LINK_SECRETS");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LinkSettings(null, "k1:" + "s".repeat(32) + ",k1:" + "t".repeat(32), BASE))
			.withMessageContaining("KEEPLINE_LINK_SECRETS");
		assertThatIllegalArgumentException().isThrownBy(() -> new LinkSettings(null, "k1:short", BASE))
			.withMessageContaining("32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> new LinkSettings(null, " ", BASE));
	}

}
