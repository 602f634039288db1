package io.keepline.ingest.lines;

import java.time.Duration;

import io.keepline.contracts.UnhandledTypeException;
import io.keepline.support.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps refused operator API requests to RFC 9457 problem details: 400 with every bad
 * parameter in {@code errors}, 401, 404, 409, 429 and 503 with Retry-After.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperatorApiExceptionHandler {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	@ExceptionHandler(OperatorApiProblem.class)
	ResponseEntity<ProblemDetail> refused(OperatorApiProblem problem) {
		if (problem instanceof OperatorApiProblem.Unauthorized) {
			return Problems.unauthorized(problem.getMessage());
		}
		if (problem instanceof OperatorApiProblem.BadRequest bad) {
			ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bad.getMessage());
			detail.setProperty("errors", bad.errors());
			return ResponseEntity.badRequest().body(detail);
		}
		if (problem instanceof OperatorApiProblem.NotFound) {
			return Problems.of(HttpStatus.NOT_FOUND, problem.getMessage());
		}
		if (problem instanceof OperatorApiProblem.Conflict) {
			return Problems.of(HttpStatus.CONFLICT, problem.getMessage());
		}
		if (problem instanceof OperatorApiProblem.TooSoon soon) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, soon.retryAfter().toSeconds())))
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, problem.getMessage()));
		}
		if (problem instanceof OperatorApiProblem.Unavailable) {
			return Problems.unavailable(problem.getMessage(), RETRY_AFTER);
		}
		throw new UnhandledTypeException(problem);
	}

}
