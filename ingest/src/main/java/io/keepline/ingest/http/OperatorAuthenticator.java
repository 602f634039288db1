package io.keepline.ingest.http;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.auth.OperatorKeys;

import org.springframework.stereotype.Component;

/**
 * Resolves the operator of a request from its {@code Authorization: Bearer <key>} header,
 * comparing against the configured key hashes in constant time.
 */
@Component
class OperatorAuthenticator {

	private static final String BEARER = "Bearer ";

	private final OperatorKeys keys;

	OperatorAuthenticator(OperatorKeys keys) {
		this.keys = keys;
	}

	OperatorId operator(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new IngestProblem.Unauthorized();
		}
		String key = authorization.substring(BEARER.length()).trim();
		return this.keys.authenticate(key).orElseThrow(IngestProblem.Unauthorized::new);
	}

}
