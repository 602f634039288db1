package io.keepline.support.links;

import java.net.URI;

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

}
