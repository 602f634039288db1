package io.keepline.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

	private static final Instant NOW = Instant.parse("2026-12-24T09:00:00Z");

	private final WebhookSignature signature = new WebhookSignature("whsec_test");

	private final byte[] body = "{\"id\":\"n1\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void signsTimestampAndBodyLikeStripe() {
		// computed with openssl: HMAC-SHA256("whsec_test", "1798102800.{\"id\":\"n1\"}")
		assertThat(this.signature.header(NOW, this.body))
			.isEqualTo("t=1798102800,v1=524dfdfbaedd08221c99cd29a0efce3bbdc42f19a40f84ede3ce6e34e0c38cce");
	}

	@Test
	void verifiesItsOwnSignatureWithinTheTolerance() {
		String header = this.signature.header(NOW, this.body);
		assertThat(this.signature.verify(header, this.body, NOW.plusSeconds(60), Duration.ofMinutes(5))).isTrue();
		assertThat(this.signature.verify(header, this.body, NOW.plusSeconds(600), Duration.ofMinutes(5))).isFalse();
	}

	@Test
	void rejectsAnotherBodyOrSecret() {
		String header = this.signature.header(NOW, this.body);
		byte[] tampered = "{\"id\":\"n2\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.signature.verify(header, tampered, NOW, Duration.ofMinutes(5))).isFalse();
		assertThat(new WebhookSignature("other").verify(header, this.body, NOW, Duration.ofMinutes(5))).isFalse();
		assertThat(this.signature.verify("t=1798102800,v1=zz", this.body, NOW, Duration.ofMinutes(5))).isFalse();
		assertThat(this.signature.verify(null, this.body, NOW, Duration.ofMinutes(5))).isFalse();
	}

}
