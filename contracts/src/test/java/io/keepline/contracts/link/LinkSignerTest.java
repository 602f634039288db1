package io.keepline.contracts.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.link.LinkVerification.Expired;
import io.keepline.contracts.link.LinkVerification.Reason;
import io.keepline.contracts.link.LinkVerification.Rejected;
import io.keepline.contracts.link.LinkVerification.Valid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LinkSignerTest {

	private static final String SECRET = "a-test-secret-that-is-32-bytes-long!";

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private static final CycleId CYCLE = new CycleId(Msisdn.of("+32470123456"), LocalDate.of(2026, 12, 31));

	private final LinkSigner signer = LinkSigner.fromSecret(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aLinkVerifiesForItsPurposeAndCarriesTheCycle() {
		String token = this.signer.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));

		assertThat(this.signer.verify(token, LinkPurpose.PAY))
			.isEqualTo(new Valid(new SignedLink(LinkPurpose.PAY, CYCLE, NOW.plus(Duration.ofDays(7)))));
	}

	@Test
	void tokensAreUrlSafeAndDoNotShowTheNumberInClear() {
		String token = this.signer.issue(LinkPurpose.STATUS, CYCLE, Duration.ofDays(7));

		assertThat(token).matches("[A-Za-z0-9_.-]+").doesNotContain("32470123456");
	}

	@Test
	void aLinkForAnotherPurposeIsRefused() {
		String token = this.signer.issue(LinkPurpose.STATUS, CYCLE, Duration.ofDays(7));

		assertThat(this.signer.verify(token, LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.WRONG_PURPOSE));
	}

	@Test
	void anExpiredLinkIsRecognisedAsGenuineButExpired() {
		String token = this.signer.issue(LinkPurpose.PAY, CYCLE, Duration.ofMinutes(5));
		LinkSigner later = LinkSigner.fromSecret(SECRET, Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));

		assertThat(later.verify(token, LinkPurpose.PAY)).isInstanceOf(Expired.class);
		assertThat(((Expired) later.verify(token, LinkPurpose.PAY)).link().cycle()).isEqualTo(CYCLE);
	}

	@Test
	void tamperedClaimsAreRefused() {
		String token = this.signer.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));
		String claims = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
		String otherNumber = claims.replace("+32470123456", "+32470654321");
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(otherNumber.getBytes())
				+ token.substring(token.indexOf('.'));

		assertThat(this.signer.verify(forged, LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
	}

	@Test
	void aTamperedSignatureIsRefused() {
		String token = this.signer.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));
		char last = token.charAt(token.length() - 2);
		String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
				+ token.charAt(token.length() - 1);

		assertThat(this.signer.verify(tampered, LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
	}

	@Test
	void onlyTheExactFormOfATokenVerifiesNotAPaddedOrReEncodedCopy() {
		String token = this.signer.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));
		String claims = token.substring(0, token.indexOf('.'));
		String signature = token.substring(token.indexOf('.') + 1);
		List<String> copies = new ArrayList<>(List.of(token + "=", claims + "=." + signature));
		// Other last characters that differ only in the unused low bits decode to the
		// same
		// signature bytes.
		for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
			String copy = token.substring(0, token.length() - 1) + c;
			if (!copy.equals(token)
					&& Arrays.equals(decode(copy.substring(copy.indexOf('.') + 1)), decode(signature))) {
				copies.add(copy);
			}
		}

		assertThat(copies).hasSizeGreaterThan(2)
			.allSatisfy((copy) -> assertThat(this.signer.verify(copy, LinkPurpose.PAY))
				.isEqualTo(new Rejected(Reason.MALFORMED)));
		assertThat(this.signer.verify(token, LinkPurpose.PAY)).isInstanceOf(Valid.class);
	}

	private static byte[] decode(String part) {
		return Base64.getUrlDecoder().decode(part);
	}

	@Test
	void aLinkSignedWithAnotherSecretIsRefused() {
		LinkSigner other = LinkSigner.fromSecret("another-secret-that-is-32-bytes-long", Clock.systemUTC());
		String token = other.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));

		assertThat(this.signer.verify(token, LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
	}

	@Test
	void garbageIsMalformed() {
		assertThat(this.signer.verify("", LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.MALFORMED));
		assertThat(this.signer.verify("no-dot", LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.MALFORMED));
		assertThat(this.signer.verify("a.b.c", LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.MALFORMED));
		assertThat(this.signer.verify("%%%.$$$", LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.MALFORMED));
		assertThat(this.signer.verify("x".repeat(600) + ".y", LinkPurpose.PAY))
			.isEqualTo(new Rejected(Reason.MALFORMED));
	}

	@Test
	void refusesShortSecrets() {
		assertThatExceptionOfType(InvalidValueException.class)
			.isThrownBy(() -> LinkSigner.fromSecret("too-short", Clock.systemUTC()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("too_short"));
	}

}
