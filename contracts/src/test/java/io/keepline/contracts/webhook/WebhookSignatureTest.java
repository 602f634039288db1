package io.keepline.contracts.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.keepline.contracts.OperatorId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSignatureTest {

	private static final Instant NOW = Instant.parse("2026-12-24T09:00:00Z");

	private static final String OLD = "whsec_test_old_secret_of_32_bytes!!";

	private static final String NEW = "whsec_test_new_secret_of_32_bytes!!";

	private final WebhookSignature signature = WebhookSignature.of("k1", OLD);

	private final byte[] body = "{\"id\":\"n1\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void signsTimestampAndBodyLikeStripeNamingTheKey() {
		// computed with openssl: printf '%s' '1798102800.{"id":"n1"}' | openssl dgst
		// -sha256 -hmac "$OLD"
		assertThat(this.signature.header(NOW, this.body))
			.isEqualTo("t=1798102800,v1=k1:" + "21a5a467548cdffcfa9ab2433ca81170d33cea364efafbaa63d1347b4f47dfd7");
	}

	@Test
	void verifiesItsOwnSignatureWithinTheTolerance() {
		String header = this.signature.header(NOW, this.body);
		assertThat(this.signature.verify(header, this.body, NOW.plusSeconds(60), Duration.ofMinutes(5))).isTrue();
		assertThat(this.signature.verify(header, this.body, NOW.plusSeconds(600), Duration.ofMinutes(5))).isFalse();
	}

	@Test
	void rejectsAnotherBodyKeyOrKeyId() {
		String header = this.signature.header(NOW, this.body);
		byte[] tampered = "{\"id\":\"n2\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.signature.verify(header, tampered, NOW, Duration.ofMinutes(5))).isFalse();
		assertThat(WebhookSignature.of("k1", NEW).verify(header, this.body, NOW, Duration.ofMinutes(5))).isFalse();
		assertThat(WebhookSignature.of("k2", OLD).verify(header, this.body, NOW, Duration.ofMinutes(5))).isFalse();
		assertThat(this.signature.verify("t=1798102800,v1=k1:zz", this.body, NOW, Duration.ofMinutes(5))).isFalse();
		assertThat(this.signature.verify(null, this.body, NOW, Duration.ofMinutes(5))).isFalse();
	}

	@Test
	void signsWithBothKeysDuringARotationNewestFirst() {
		WebhookSignature rotating = new WebhookSignature(
				List.of(new WebhookSignature.Key("k1", OLD), new WebhookSignature.Key("k2", NEW)));
		String header = rotating.header(NOW, this.body);
		assertThat(header).startsWith("t=1798102800,v1=k2:").contains(",v1=k1:");
		assertThat(rotating.currentKeyId()).isEqualTo("k2");
		assertThat(WebhookSignature.of("k1", OLD).verify(header, this.body, NOW, Duration.ofMinutes(5)))
			.as("a receiver that still holds the old key")
			.isTrue();
		assertThat(WebhookSignature.of("k2", NEW).verify(header, this.body, NOW, Duration.ofMinutes(5)))
			.as("a receiver that already holds the new key")
			.isTrue();
	}

	@Test
	void keepsOneOperatorsKeysFromAnother() {
		WebhookKeys keys = WebhookKeys.parse("orange=k1:" + OLD + ";k2:" + NEW + ", proximus=p1:" + NEW.toUpperCase());
		String orange = keys.of(OperatorId.of("orange")).orElseThrow().header(NOW, this.body);
		WebhookSignature proximus = keys.of(OperatorId.of("proximus")).orElseThrow();
		assertThat(proximus.verify(orange, this.body, NOW, Duration.ofMinutes(5))).isFalse();
		assertThat(keys.of(OperatorId.of("base"))).isEmpty();
		assertThat(keys.operators()).isEqualTo(2);
		assertThat(keys.toString()).doesNotContain(OLD).doesNotContain(NEW);
	}

	@Test
	void refusesMalformedSettingsNamingTheEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookKeys.parse(""))
			.withMessageContaining("no operator");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookKeys.parse("orange"))
			.withMessageContaining("operator=kid:secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookKeys.parse("orange=k1:" + OLD + ",orange=k2:" + NEW))
			.withMessageContaining("listed twice");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookKeys.parse("orange=k1:" + OLD + ";k2:" + NEW + ";k3:" + NEW))
			.withMessageContaining("two during a rotation");
	}

}
