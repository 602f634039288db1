package io.keepline.support.web;

import java.util.Optional;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.auth.OperatorKeys;

/**
 * Tells which operator an HTTP request comes from, by its
 * {@code Authorization: Bearer <key>} header (the scheme in any case, as RFC 9110 has
 * it), the key compared in constant time against the configured hashes.
 */
public final class OperatorAuthentication {

	/** The challenge to answer a 401 with. */
	public static final String CHALLENGE = "Bearer realm=\"keepline\"";

	private static final String BEARER = "Bearer ";

	private final OperatorKeys keys;

	public OperatorAuthentication(OperatorKeys keys) {
		this.keys = keys;
	}

	/** The operator whose key the header carries; empty when none or an unknown one. */
	public Optional<OperatorId> operator(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.empty();
		}
		return this.keys.authenticate(authorization.substring(BEARER.length()).trim());
	}

	/** The operators that have a key. */
	public OperatorKeys keys() {
		return this.keys;
	}

}
