package io.keepline.contracts.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * Issues and verifies signed, expiring, URL-safe link tokens (HMAC-SHA256). A token is
 * {@code base64url(claims) "." base64url(hmac(claims))}; the signature is compared in
 * constant time before any claim is read.
 */
public final class LinkSigner {

	/** The shortest secret accepted: 32 bytes, the HMAC-SHA256 block strength. */
	public static final int MIN_SECRET_BYTES = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private static final String VERSION = "v1";

	private static final int MAX_TOKEN_LENGTH = 512;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	private final Mac prototype;

	private final Clock clock;

	public LinkSigner(byte[] secret, Clock clock) {
		if (secret == null || secret.length < MIN_SECRET_BYTES) {
			throw new InvalidValueException("linkSecret", "too_short",
					"the link secret must be at least " + MIN_SECRET_BYTES + " bytes");
		}
		this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
		this.prototype = newMac(this.key);
		this.clock = clock;
	}

	/**
	 * A signer for a secret given as text (for example {@code KEEPLINE_LINK_SECRET}),
	 * taken as UTF-8 bytes.
	 */
	public static LinkSigner fromSecret(String secret, Clock clock) {
		return new LinkSigner((secret != null) ? secret.getBytes(StandardCharsets.UTF_8) : null, clock);
	}

	/** A token for {@code purpose} on {@code cycle}, valid for {@code ttl} from now. */
	public String issue(LinkPurpose purpose, CycleId cycle, Duration ttl) {
		return issue(new SignedLink(purpose, cycle, this.clock.instant().plus(ttl)));
	}

	public String issue(SignedLink link) {
		String claims = String.join("|", VERSION, link.purpose().code(), link.cycle().msisdn().value(),
				link.cycle().validUntil().toString(), Long.toString(link.expiresAt().getEpochSecond()));
		byte[] claimBytes = claims.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(claimBytes) + "." + ENCODER.encodeToString(sign(claimBytes));
	}

	/** Checks {@code token} and that it was issued for {@code expected}. */
	public LinkVerification verify(String token, LinkPurpose expected) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return rejected(LinkVerification.Reason.MALFORMED);
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			return rejected(LinkVerification.Reason.MALFORMED);
		}
		byte[] claimBytes;
		byte[] signature;
		try {
			claimBytes = DECODER.decode(token.substring(0, dot));
			signature = DECODER.decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return rejected(LinkVerification.Reason.MALFORMED);
		}
		// The decoder also takes padding and unused low bits set: only the exact form a
		// token was issued in is the token, so that no altered copy of it verifies.
		if (!ENCODER.encodeToString(claimBytes).equals(token.substring(0, dot))
				|| !ENCODER.encodeToString(signature).equals(token.substring(dot + 1))) {
			return rejected(LinkVerification.Reason.MALFORMED);
		}
		if (!MessageDigest.isEqual(sign(claimBytes), signature)) {
			return rejected(LinkVerification.Reason.BAD_SIGNATURE);
		}
		SignedLink link = parseClaims(new String(claimBytes, StandardCharsets.UTF_8));
		if (link == null) {
			return rejected(LinkVerification.Reason.MALFORMED);
		}
		if (link.purpose() != expected) {
			return rejected(LinkVerification.Reason.WRONG_PURPOSE);
		}
		if (!this.clock.instant().isBefore(link.expiresAt())) {
			return new LinkVerification.Expired(link);
		}
		return new LinkVerification.Valid(link);
	}

	private static SignedLink parseClaims(String claims) {
		String[] parts = claims.split("\\|", -1);
		if (parts.length != 5 || !VERSION.equals(parts[0])) {
			return null;
		}
		LinkPurpose purpose = LinkPurpose.fromCode(parts[1]);
		if (purpose == null) {
			return null;
		}
		try {
			CycleId cycle = new CycleId(Msisdn.of(parts[2]), LocalDate.parse(parts[3]));
			return new SignedLink(purpose, cycle, Instant.ofEpochSecond(Long.parseLong(parts[4])));
		}
		catch (InvalidValueException | DateTimeException | NumberFormatException ex) {
			return null;
		}
	}

	private byte[] sign(byte[] claims) {
		Mac mac;
		try {
			mac = (Mac) this.prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			mac = newMac(this.key);
		}
		return mac.doFinal(claims);
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	private static LinkVerification rejected(LinkVerification.Reason reason) {
		return new LinkVerification.Rejected(reason);
	}

}
