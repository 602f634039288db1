package io.keepline.ingest.lines;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.keepline.contracts.FieldError;

/**
 * A request of the operator API refused as a whole; {@link OperatorApiExceptionHandler}
 * turns each kind into its problem detail.
 */
public abstract sealed class OperatorApiProblem extends RuntimeException {

	OperatorApiProblem(String detail) {
		super(detail, null, false, false);
	}

	/** No or an unknown bearer key. */
	static final class Unauthorized extends OperatorApiProblem {

		Unauthorized() {
			super("A valid operator key is required: Authorization: Bearer <key>");
		}

	}

	/** Parameters that are not what the endpoint takes, each named with its reason. */
	static final class BadRequest extends OperatorApiProblem {

		private final transient List<FieldError> errors;

		BadRequest(List<FieldError> errors) {
			super(errors.stream()
				.map((error) -> error.field() + ": " + error.reason())
				.collect(Collectors.joining(", ", "Bad parameters: ", "")));
			this.errors = List.copyOf(errors);
		}

		List<FieldError> errors() {
			return this.errors;
		}

	}

	/** No such line or import of the calling operator (another's is not revealed). */
	static final class NotFound extends OperatorApiProblem {

		NotFound(String detail) {
			super(detail);
		}

	}

	/** The line is not in a state that allows the request. */
	static final class Conflict extends OperatorApiProblem {

		Conflict(String detail) {
			super(detail);
		}

	}

	/** The same request came too soon after the last one. */
	static final class TooSoon extends OperatorApiProblem {

		private final Duration retryAfter;

		TooSoon(String detail, Duration retryAfter) {
			super(detail);
			this.retryAfter = retryAfter;
		}

		Duration retryAfter() {
			return this.retryAfter;
		}

	}

	/** The stores behind the API are not readable yet (ingest is catching up). */
	static final class Unavailable extends OperatorApiProblem {

		Unavailable(String detail) {
			super(detail);
		}

	}

}
