package io.keepline.reliability.abuse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.reliability.ServiceRun;

/**
 * Every kind of bad link a holder page may be opened with, for one page and one cycle:
 * forged with another secret, tampered in each part, truncated, padded, re-encoded,
 * expired, issued for another purpose, genuine but for a cycle payments does not know,
 * and garbage.
 */
final class LinkVariants {

	static final String INVALID = "This link is not valid";

	static final String EXPIRED = "This link has expired";

	static final String UNMANAGED = "No longer managed here";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/**
	 * Bytes of a token's sealed part to change (negative: from the end): the nonce, the
	 * purpose, the number, the cycle's date, the expiry, the authentication tag.
	 */
	private static final int[] SEALED_PARTS = { 0, 12, 16, 22, 30, -1 };

	private static final String[] SEALED_PART_NAMES = { "nonce", "purpose", "number", "cycle date", "expiry",
			"authentication tag" };

	private final LinkSigner genuine = LinkSigner.fromSecret(ServiceRun.LINK_SECRET, Clock.systemUTC());

	private final CycleId cycle;

	private final CycleId unknown;

	/** A link tried on a page, and the refusal it must get. */
	record Variant(LinkPurpose page, String category, String name, String token, int status, String clue) {

		String path() {
			return route() + "/" + this.token;
		}

		/**
		 * The page a link of this purpose opens: its code, except the preference page,
		 * whose code is {@code choices}.
		 */
		String route() {
			return (this.page == LinkPurpose.PREFERENCES) ? "/preferences" : "/" + this.page.code();
		}

		@Override
		public String toString() {
			return route() + " " + this.category + ": " + this.name;
		}

	}

	LinkVariants(CycleId cycle, CycleId unknown) {
		this.cycle = cycle;
		this.unknown = unknown;
	}

	/** A genuine, current token for {@code purpose} on the cycle. */
	String genuine(LinkPurpose purpose) {
		return this.genuine.issue(purpose, this.cycle, Duration.ofDays(7));
	}

	List<Variant> all() {
		List<Variant> variants = new ArrayList<>();
		for (LinkPurpose page : LinkPurpose.values()) {
			variants.addAll(forPage(page));
		}
		return variants;
	}

	private List<Variant> forPage(LinkPurpose page) {
		List<Variant> variants = new ArrayList<>();
		String token = genuine(page);
		int dot = token.indexOf('.');
		String claims = token.substring(0, dot);
		String signature = token.substring(dot + 1);
		Variants add = new Variants(page, variants);
		LinkSigner other = LinkSigner.fromSecret("someone-elses-secret-of-32-bytes-or-more", Clock.systemUTC());
		add.refused("forged", "signed with another secret", other.issue(page, this.cycle, Duration.ofDays(7)));
		byte[] sealed = DECODER.decode(signature);
		for (int i = 0; i < SEALED_PARTS.length; i++) {
			byte[] changed = sealed.clone();
			int at = (SEALED_PARTS[i] >= 0) ? SEALED_PARTS[i] : sealed.length + SEALED_PARTS[i];
			changed[at] ^= 0x01;
			add.refused("tampered", SEALED_PART_NAMES[i] + " changed, key id kept",
					claims + "." + ENCODER.encodeToString(changed));
		}
		add.refused("tampered", "first signature character changed",
				token.substring(0, dot + 1) + other(signature.charAt(0)) + signature.substring(1));
		add.refused("tampered", "middle signature character changed", token.substring(0, dot + 1)
				+ signature.substring(0, 20) + other(signature.charAt(20)) + signature.substring(21));
		String another = this.genuine.issue(page, this.unknown, Duration.ofDays(7));
		add.refused("tampered", "sealed claims under another key id",
				other.signingKeyId() + another.substring(another.indexOf('.')));
		add.refused("truncated", "last character dropped", token.substring(0, token.length() - 1));
		add.refused("truncated", "sealed claims dropped", claims + ".");
		add.refused("truncated", "key id only", claims);
		add.refused("truncated", "sealed claims only", signature);
		add.refused("truncated", "first half", token.substring(0, token.length() / 2));
		add.refused("padded", "'=' after the signature", token + "=");
		add.refused("padded", "'==' after the signature", token + "==");
		add.refused("padded", "'=' after the key id", claims + "=." + signature);
		add.refused("padded", "a character appended", token + "A");
		add.refused("padded", "a second dot", token + ".");
		for (char last : sameBytesLastCharacters(signature)) {
			add.refused("re-encoded", "last character '" + last + "' that decodes to the same signature",
					token.substring(0, token.length() - 1) + last);
		}
		add.refused("re-encoded", "upper case", token.toUpperCase(Locale.ROOT));
		add.refused("re-encoded", "key id and sealed claims swapped", signature + "." + claims);
		Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
		LinkSigner past = LinkSigner.fromSecret(ServiceRun.LINK_SECRET, Clock.fixed(tenDaysAgo, ZoneOffset.UTC));
		add.add("expired", "expired nine days ago", past.issue(page, this.cycle, Duration.ofDays(1)), 410, EXPIRED);
		add.add("expired", "expired one second ago", past.issue(page, this.cycle, Duration.ofDays(10).minusSeconds(1)),
				410, EXPIRED);
		for (LinkPurpose purpose : LinkPurpose.values()) {
			if (purpose != page) {
				add.refused("wrong purpose", "a genuine " + purpose.code() + " link", genuine(purpose));
			}
		}
		if (page != LinkPurpose.STATUS) {
			// no line record: never registered, or erased
			add.add("unknown line", "a genuine link for a line without a record",
					this.genuine.issue(page, this.unknown, Duration.ofDays(7)), 410, UNMANAGED);
		}
		add.refused("garbage", "one word", "garbage");
		add.refused("garbage", "a letter and a dot", "a.");
		add.refused("garbage", "three parts", "a.b.c");
		add.refused("garbage", "600 characters", "a".repeat(300) + "." + "b".repeat(299));
		add.refused("garbage", "unsigned JWT", "eyJhbGciOiJub25lIn0.eyJwdXJwb3NlIjoicGF5In0.");
		add.refused("garbage", "markup", percent("<img src=x onerror=alert(1)>"));
		add.refused("garbage", "SQL", percent("' OR '1'='1"));
		add.refused("garbage", "non-ASCII", percent("jeton.signé"));
		add.add("garbage", "NUL byte", "a%00.b", 400, BadRequest.BEFORE_THE_SERVICE);
		add.add("garbage", "encoded slash", "..%2F..%2Factuator%2Fhealth", 400, BadRequest.BEFORE_THE_SERVICE);
		return variants;
	}

	/**
	 * Other last characters of {@code signature} (a token's sealed part) that Base64
	 * decodes to the same bytes.
	 */
	private static List<Character> sameBytesLastCharacters(String signature) {
		List<Character> same = new ArrayList<>();
		byte[] bytes = DECODER.decode(signature);
		for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
			String copy = signature.substring(0, signature.length() - 1) + c;
			if (c != signature.charAt(signature.length() - 1) && Arrays.equals(DECODER.decode(copy), bytes)) {
				same.add(c);
			}
		}
		return same;
	}

	private static char other(char c) {
		return (c == 'A') ? 'B' : 'A';
	}

	/** Every byte outside the URL-safe set as {@code %XX}. */
	private static String percent(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '-' || c == '_';
			out.append(safe ? String.valueOf(c) : String.format("%%%02X", b & 0xFF));
		}
		return out.toString();
	}

	/** Adds variants for one page. */
	private record Variants(LinkPurpose page, List<Variant> list) {

		void refused(String category, String name, String token) {
			add(category, name, token, 403, INVALID);
		}

		void add(String category, String name, String token, int status, String clue) {
			this.list.add(new Variant(this.page, category, name, token, status, clue));
		}

	}

}
