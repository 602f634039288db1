package io.keepline.contracts.link;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

	private static final String PREVIOUS = "the-previous-secret-of-32-bytes-long";

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final CycleId CYCLE = new CycleId(Msisdn.of("+32470123456"), LocalDate.of(2026, 12, 31));

	private final LinkSigner signer = LinkSigner.fromSecret(SECRET, CLOCK);

	@Test
	void aLinkVerifiesForItsPurposeAndCarriesTheCycle() {
		String token = this.signer.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));

		assertThat(this.signer.verify(token, LinkPurpose.PAY))
			.isEqualTo(new Valid(new SignedLink(LinkPurpose.PAY, CYCLE, NOW.plus(Duration.ofDays(7)))));
	}

	@Test
	void theSameClaimsIssuedTwiceInARowOnOneThreadGiveTheSameTokenAsAFreshSigner() {
		String first = this.signer.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));
		// the JDK refuses a GCM cipher initialised again with the key and nonce it
		// just encrypted with: the signer must not fail there
		String again = this.signer.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));

		assertThat(again).isEqualTo(first)
			.isEqualTo(LinkSigner.fromSecret(SECRET, CLOCK).issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7)));
		assertThat(this.signer.verify(again, LinkPurpose.PAY)).isInstanceOf(Valid.class);
	}

	@Test
	void tokensIssuedOnManyThreadsAtOnceAreThoseIssuedOneByOneAndAllVerify() throws Exception {
		LinkSigner reference = LinkSigner.fromSecret(SECRET, CLOCK);
		List<CycleId> cycles = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			CycleId cycle = new CycleId(Msisdn.of("+3247012" + (3000 + i)), LocalDate.of(2026, 12, 31));
			cycles.add(cycle);
			expected
				.add(reference.issue(LinkPurpose.values()[i % LinkPurpose.values().length], cycle, Duration.ofDays(7)));
		}
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> issued = new ArrayList<>();
			for (int i = 0; i < cycles.size(); i++) {
				LinkPurpose purpose = LinkPurpose.values()[i % LinkPurpose.values().length];
				CycleId cycle = cycles.get(i);
				issued.add(threads.submit(() -> {
					String token = this.signer.issue(purpose, cycle, Duration.ofDays(7));
					assertThat(this.signer.verify(token, purpose)).isInstanceOf(Valid.class);
					return token;
				}));
			}
			for (int i = 0; i < issued.size(); i++) {
				assertThat(issued.get(i).get()).isEqualTo(expected.get(i));
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void tokensAreUrlSafeShortAndRevealTheNumberInNoDecoding() {
		String numberInHex = HexFormat.of().formatHex(ByteBuffer.allocate(Long.BYTES).putLong(32470123456L).array());
		for (LinkPurpose purpose : LinkPurpose.values()) {
			String token = this.signer.issue(purpose, CYCLE, Duration.ofDays(7));

			assertThat(token).matches("[A-Za-z0-9_.-]+").hasSizeLessThanOrEqualTo(80);
			for (String part : token.split("\\.")) {
				byte[] bytes = Base64.getUrlDecoder().decode(part);
				assertThat(List.of(part, new String(bytes, StandardCharsets.ISO_8859_1),
						HexFormat.of().formatHex(bytes), Base64.getEncoder().encodeToString(bytes)))
					.noneMatch((decoded) -> decoded.contains("32470123456") || decoded.contains("470123456")
							|| decoded.contains("2026-12-31") || decoded.contains(numberInHex.substring(6)));
			}
		}
	}

	@Test
	void everyTokenNamesTheKeyThatSealedIt() {
		LinkSigner rotated = new LinkSigner(List.of(LinkKey.of("k2", SECRET), LinkKey.of("k1", PREVIOUS)), CLOCK);

		String token = rotated.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));

		assertThat(LinkSigner.keyIdOf(token)).hasValue("k2");
		assertThat(rotated.signingKeyId()).isEqualTo("k2");
		assertThat(this.signer.signingKeyId()).matches("s[A-Za-z0-9_-]{7}")
			.isEqualTo(LinkSigner.fromSecret(SECRET, Clock.systemUTC()).signingKeyId())
			.isNotEqualTo(LinkSigner.fromSecret(PREVIOUS, CLOCK).signingKeyId());
	}

	@Test
	void afterARotationLinksSealedWithThePreviousKeyStillVerifyAndNewOnesCarryTheNewKey() {
		LinkSigner before = new LinkSigner(List.of(LinkKey.of("k1", PREVIOUS)), CLOCK);
		String old = before.issue(LinkPurpose.STATUS, CYCLE, Duration.ofDays(7));
		LinkSigner after = new LinkSigner(List.of(LinkKey.of("k2", SECRET), LinkKey.of("k1", PREVIOUS)), CLOCK);

		assertThat(after.verify(old, LinkPurpose.STATUS)).isInstanceOf(Valid.class);
		assertThat(LinkSigner.keyIdOf(after.issue(LinkPurpose.STATUS, CYCLE, Duration.ofDays(7)))).hasValue("k2");
		LinkSigner retired = new LinkSigner(List.of(LinkKey.of("k2", SECRET)), CLOCK);
		assertThat(retired.verify(old, LinkPurpose.STATUS)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
	}

	@Test
	void aTokenUnderAnotherKeyIdOrSecretIsRefused() {
		LinkSigner rotated = new LinkSigner(List.of(LinkKey.of("k2", SECRET), LinkKey.of("k1", PREVIOUS)), CLOCK);
		String token = rotated.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));
		String relabelled = "k1" + token.substring(token.indexOf('.'));

		assertThat(rotated.verify(relabelled, LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
		assertThat(rotated.verify("k9" + token.substring(token.indexOf('.')), LinkPurpose.PAY))
			.isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
	}

	@Test
	void refusesTwoKeysWithOneIdAndBadKeyIds() {
		assertThatExceptionOfType(InvalidValueException.class)
			.isThrownBy(() -> new LinkSigner(List.of(LinkKey.of("k1", SECRET), LinkKey.of("k1", PREVIOUS)), CLOCK))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("duplicate"));
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> LinkKey.of("k.1", SECRET));
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> LinkKey.of("", SECRET));
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
	void everyChangedByteOfTheSealedClaimsIsRefused() {
		String token = this.signer.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));
		int dot = token.indexOf('.');
		byte[] sealed = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		for (int i = 0; i < sealed.length; i++) {
			byte[] tampered = sealed.clone();
			tampered[i] ^= 0x01;
			String forged = token.substring(0, dot + 1)
					+ Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

			assertThat(this.signer.verify(forged, LinkPurpose.PAY)).as("byte %d changed", i)
				.isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
		}
	}

	@Test
	void everyShorterSealedPartIsRefusedEvenShorterThanItsTag() {
		String token = this.signer.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));
		int dot = token.indexOf('.');
		byte[] sealed = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		for (int length = 0; length < sealed.length; length++) {
			String truncated = token.substring(0, dot + 1)
					+ Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sealed, length));

			assertThat(this.signer.verify(truncated, LinkPurpose.PAY)).as("%d of %d bytes", length, sealed.length)
				.isInstanceOf(Rejected.class);
		}
	}

	@Test
	void onlyTheExactFormOfATokenVerifiesNotAPaddedOrReEncodedCopy() {
		String token = this.signer.issue(LinkPurpose.PAY, CYCLE, Duration.ofDays(7));
		String sealed = token.substring(token.indexOf('.') + 1);
		List<String> copies = new ArrayList<>(List.of(token + "=", token + "=="));
		// Other last characters that differ only in the unused low bits decode to the
		// same bytes.
		for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
			String copy = token.substring(0, token.length() - 1) + c;
			if (!copy.equals(token) && Arrays.equals(decode(copy.substring(copy.indexOf('.') + 1)), decode(sealed))) {
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
	void aVersionOneTokenIsRefused() {
		String claims = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("v1|pay|+32470123456|2026-12-31|1796000000".getBytes(StandardCharsets.UTF_8));

		assertThat(this.signer.verify(claims + ".c2lnbmF0dXJlLW9mLXRoaXJ0eS10d28tYnl0ZXMtbG9uZw", LinkPurpose.PAY))
			.isInstanceOf(Rejected.class);
	}

	@Test
	void aOneTimeCodeIsSixDigitsBoundToTheRequestTheLineTheExpiryAndTheKey() {
		LinkSigner rotated = new LinkSigner(List.of(LinkKey.of("k2", SECRET), LinkKey.of("k1", PREVIOUS)), CLOCK);
		UUID request = UUID.fromString("3f6b2c1d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
		Msisdn line = CYCLE.msisdn();
		Instant expires = NOW.plus(Duration.ofMinutes(10));

		String code = rotated.oneTimeCode("k2", request, line, expires).orElseThrow();

		assertThat(code).matches("[0-9]{6}");
		assertThat(new LinkSigner(List.of(LinkKey.of("k2", SECRET)), Clock.systemUTC()).oneTimeCode("k2", request, line,
				expires))
			.hasValue(code);
		assertThat(List.of(rotated.oneTimeCode("k1", request, line, expires),
				rotated.oneTimeCode("k2", UUID.randomUUID(), line, expires),
				rotated.oneTimeCode("k2", request, Msisdn.of("+32470654321"), expires),
				rotated.oneTimeCode("k2", request, line, expires.plusSeconds(60))))
			.allSatisfy((other) -> assertThat(other).get().isNotEqualTo(code));
		assertThat(rotated.oneTimeCode("k9", request, line, expires)).isEmpty();
		assertThat(rotated.isOneTimeCode("k2", request, line, expires, code)).isTrue();
		assertThat(rotated.isOneTimeCode("k2", request, line, expires, " " + code + " ")).isTrue();
		assertThat(rotated.isOneTimeCode("k1", request, line, expires, code)).isFalse();
		assertThat(rotated.isOneTimeCode("k2", request, line, expires, code.substring(1))).isFalse();
		assertThat(rotated.isOneTimeCode("k2", request, line, expires, null)).isFalse();
	}

	@Test
	void garbageIsMalformed() {
		assertThat(this.signer.verify("", LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.MALFORMED));
		assertThat(this.signer.verify("no-dot", LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.MALFORMED));
		assertThat(this.signer.verify("a.b.c", LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.MALFORMED));
		assertThat(this.signer.verify("%%%.$$$", LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.MALFORMED));
		assertThat(this.signer.verify("k1.AAAA", LinkPurpose.PAY)).isEqualTo(new Rejected(Reason.MALFORMED));
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
