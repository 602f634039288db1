package io.keepline.support.web;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one form of every error a Keepline service answers: an RFC 9457 problem detail
 * ({@code application/problem+json}) with a detail that says what is wrong and never
 * echoes personal data, plus the header the status calls for.
 */
public final class Problems {

	private Problems() {
	}

	/** {@code status} with {@code detail}. */
	public static ResponseEntity<ProblemDetail> of(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/** 401 with the Bearer challenge. */
	public static ResponseEntity<ProblemDetail> unauthorized(String detail) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, OperatorAuthentication.CHALLENGE)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail));
	}

	/** 503 with {@code Retry-After}. */
	public static ResponseEntity<ProblemDetail> unavailable(String detail, Duration retryAfter) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
	}

}
