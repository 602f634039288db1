package io.keepline.contracts.link;

/**
 * The outcome of checking a link token.
 */
public sealed interface LinkVerification {

	/** Signed by us, for the expected purpose, not expired. */
	record Valid(SignedLink link) implements LinkVerification {
	}

	/**
	 * Genuine but past its expiry: the holder can be offered a fresh link for the same
	 * cycle.
	 */
	record Expired(SignedLink link) implements LinkVerification {
	}

	/** Not a link we issued for this purpose; nothing in it can be trusted. */
	record Rejected(Reason reason) implements LinkVerification {
	}

	/** Why a token was rejected. */
	enum Reason {

		/** Not a token at all: wrong shape, encoding or length. */
		MALFORMED,

		/** The signature does not match: forged or tampered with. */
		BAD_SIGNATURE,

		/** Genuine, but issued for another purpose. */
		WRONG_PURPOSE

	}

}
