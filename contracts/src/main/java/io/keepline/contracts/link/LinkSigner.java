package io.keepline.contracts.link;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * Issues and verifies expiring, URL-safe link tokens that reveal nothing: a token is
 * {@code keyId "." base64url(nonce ciphertext tag)}, the claims sealed with AES-256-GCM
 * under a key derived (HKDF) from the link secret the key id names. The first key seals,
 * every key opens, so the secret can be rotated without breaking links already sent.
 */
public final class LinkSigner {

	/** The shortest secret accepted: 32 bytes, the HMAC-SHA256 block strength. */
	public static final int MIN_SECRET_BYTES = 32;

	private static final int MAX_TOKEN_LENGTH = 512;

	private static final int CLAIM_BYTES = 1 + Long.BYTES + Integer.BYTES + Long.BYTES;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final Map<String, LinkCipher> keys = new LinkedHashMap<>();

	private final LinkCipher signing;

	private final Clock clock;

	/** A signer sealing with the first of {@code keys} and opening with any of them. */
	public LinkSigner(List<LinkKey> keys, Clock clock) {
		if (keys == null || keys.isEmpty()) {
			throw new InvalidValueException("linkSecret", "missing", "at least one link secret is needed");
		}
		for (LinkKey key : keys) {
			if (this.keys.putIfAbsent(key.id(), new LinkCipher(key)) != null) {
				throw new InvalidValueException("linkKeyId", "duplicate",
						"link key id " + key.id() + " is given twice");
			}
		}
		this.signing = this.keys.get(keys.get(0).id());
		this.clock = clock;
	}

	/**
	 * A signer for one secret (for example {@code KEEPLINE_LINK_SECRET}), its key id
	 * derived.
	 */
	public static LinkSigner fromSecret(String secret, Clock clock) {
		return new LinkSigner(List.of(LinkKey.derived(secret)), clock);
	}

	/** The id of the key new tokens are sealed with. */
	public String signingKeyId() {
		return this.signing.id();
	}

	/** The key id a token names (not a proof that it is genuine). */
	public static Optional<String> keyIdOf(String token) {
		int dot = (token != null) ? token.indexOf('.') : -1;
		return (dot > 0) ? Optional.of(token.substring(0, dot)) : Optional.empty();
	}

	/** A token for {@code purpose} on {@code cycle}, valid for {@code ttl} from now. */
	public String issue(LinkPurpose purpose, CycleId cycle, Duration ttl) {
		return issue(new SignedLink(purpose, cycle, this.clock.instant().plus(ttl)));
	}

	public String issue(SignedLink link) {
		ByteBuffer claims = ByteBuffer.allocate(CLAIM_BYTES);
		claims.put((byte) link.purpose().code().charAt(0));
		claims.putLong(Long.parseLong(link.cycle().msisdn().value().substring(1)));
		claims.putInt(Math.toIntExact(link.cycle().validUntil().toEpochDay()));
		claims.putLong(link.expiresAt().getEpochSecond());
		return this.signing.id() + "." + ENCODER.encodeToString(this.signing.seal(claims.array()));
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
		String sealedText = token.substring(dot + 1);
		byte[] sealed;
		try {
			sealed = DECODER.decode(sealedText);
		}
		catch (IllegalArgumentException ex) {
			return rejected(LinkVerification.Reason.MALFORMED);
		}
		// The decoder also takes padding and unused low bits set: only the exact form a
		// token was issued in is the token, so that no altered copy of it verifies.
		if (sealed.length <= LinkCipher.NONCE_BYTES || !ENCODER.encodeToString(sealed).equals(sealedText)) {
			return rejected(LinkVerification.Reason.MALFORMED);
		}
		LinkCipher key = this.keys.get(token.substring(0, dot));
		byte[] claims = (key != null) ? key.open(sealed) : null;
		if (claims == null) {
			return rejected(LinkVerification.Reason.BAD_SIGNATURE);
		}
		SignedLink link = parseClaims(claims);
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

	/**
	 * The one-time code (six digits) of the code request {@code requestId} for the line
	 * {@code msisdn}, valid until {@code expiresAt}, under the key {@code keyId}:
	 * payments asks for it, the notifier sends it, and only holders of the link secret
	 * can tell it. Empty when the key is not known here.
	 */
	public Optional<String> oneTimeCode(String keyId, UUID requestId, Msisdn msisdn, Instant expiresAt) {
		LinkCipher key = this.keys.get(keyId);
		if (key == null) {
			return Optional.empty();
		}
		ByteBuffer request = ByteBuffer.allocate(2 * Long.BYTES + Long.BYTES + Long.BYTES);
		request.putLong(requestId.getMostSignificantBits()).putLong(requestId.getLeastSignificantBits());
		request.putLong(Long.parseLong(msisdn.value().substring(1))).putLong(expiresAt.getEpochSecond());
		return Optional.of(key.oneTimeCode(request.array()));
	}

	/** Whether {@code typed} is that code, compared in constant time. */
	public boolean isOneTimeCode(String keyId, UUID requestId, Msisdn msisdn, Instant expiresAt, String typed) {
		Optional<String> code = oneTimeCode(keyId, requestId, msisdn, expiresAt);
		return typed != null && code.isPresent() && MessageDigest
			.isEqual(code.get().getBytes(StandardCharsets.US_ASCII), typed.strip().getBytes(StandardCharsets.US_ASCII));
	}

	private static SignedLink parseClaims(byte[] bytes) {
		if (bytes.length != CLAIM_BYTES) {
			return null;
		}
		ByteBuffer claims = ByteBuffer.wrap(bytes);
		try {
			LinkPurpose purpose = LinkPurpose.fromInitial((char) claims.get());
			if (purpose == null) {
				return null;
			}
			Msisdn msisdn = Msisdn.of("+" + claims.getLong());
			CycleId cycle = new CycleId(msisdn, LocalDate.ofEpochDay(claims.getInt()));
			return new SignedLink(purpose, cycle, Instant.ofEpochSecond(claims.getLong()));
		}
		catch (InvalidValueException | DateTimeException | BufferUnderflowException ex) {
			return null;
		}
	}

	private static LinkVerification rejected(LinkVerification.Reason reason) {
		return new LinkVerification.Rejected(reason);
	}

}
