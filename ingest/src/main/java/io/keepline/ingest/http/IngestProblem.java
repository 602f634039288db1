package io.keepline.ingest.http;

import io.keepline.contracts.OperatorId;

import org.springframework.http.HttpStatus;

/**
 * A request ingest refuses as a whole, with the HTTP status it maps to.
 */
abstract sealed class IngestProblem extends RuntimeException {

	private final HttpStatus status;

	IngestProblem(HttpStatus status, String detail) {
		super(detail, null, false, false);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

	/** No or an unknown bearer key. */
	static final class Unauthorized extends IngestProblem {

		Unauthorized() {
			super(HttpStatus.UNAUTHORIZED, "A valid operator key is required: Authorization: Bearer <key>");
		}

	}

	/** The body is not what the endpoint takes. */
	static final class BadRequest extends IngestProblem {

		BadRequest(String detail) {
			super(HttpStatus.BAD_REQUEST, detail);
		}

	}

	/** The operator made more requests this second than its limit. */
	static final class TooManyRequests extends IngestProblem {

		TooManyRequests(OperatorId operator) {
			super(HttpStatus.TOO_MANY_REQUESTS, "Operator " + operator + " is over its request rate; retry after "
					+ OperatorRateLimits.PERIOD.toSeconds() + " s");
		}

	}

	/** The body came too slowly. */
	static final class TooSlow extends IngestProblem {

		TooSlow(String detail) {
			super(HttpStatus.REQUEST_TIMEOUT, detail);
		}

	}

	/** The body is over a size limit. */
	static final class TooLarge extends IngestProblem {

		TooLarge(String detail) {
			super(HttpStatus.CONTENT_TOO_LARGE, detail);
		}

	}

}
