package io.keepline.notifier;

import java.nio.charset.StandardCharsets;

import io.keepline.notifier.delivery.HolderPseudonym;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestSettingsTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Digest.class);

	@Test
	void gathersForTenSecondsByDefault() {
		this.runner.run((context) -> {
			DigestSettings settings = context.getBean(DigestSettings.class);
			assertThat(settings.enabled()).isTrue();
			assertThat(settings.gatherWindow()).hasSeconds(10);
		});
	}

	@Test
	void refusesToStartWithAGatherWindowBeyondItsBound() {
		this.runner.withPropertyValues("keepline.notifier.digest.gather-window=11m").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("keepline.notifier.digest.gather-window must be between 0 and PT10M");
		});
	}

	@Test
	void givesOneAddressOnePseudonymWhateverItsCaseAndNoneThatShowsIt() {
		HolderPseudonym pseudonym = new HolderPseudonym(
				"a-pseudonym-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8));
		HolderPseudonym other = new HolderPseudonym(
				"another-pseudonym-secret-of-32-bytes!!".getBytes(StandardCharsets.UTF_8));

		assertThat(pseudonym.of(" Ana@Example.com ")).isEqualTo(pseudonym.of("ana@example.com"))
			.hasSize(43)
			.doesNotContainIgnoringCase("ana")
			.isNotEqualTo(pseudonym.of("ben@example.com"))
			.isNotEqualTo(other.of("ana@example.com"));
		assertThatThrownBy(() -> new HolderPseudonym("short".getBytes(StandardCharsets.UTF_8)))
			.hasMessageContaining("at least 32 bytes");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DigestSettings.class)
	static class Digest {

	}

}
