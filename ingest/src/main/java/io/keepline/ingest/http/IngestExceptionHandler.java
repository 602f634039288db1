package io.keepline.ingest.http;

import java.net.URI;
import java.time.Duration;

import io.keepline.contracts.UnhandledTypeException;
import io.keepline.ingest.BatchNotPublishedException;
import io.keepline.ingest.csv.CsvImportFailed;
import io.keepline.ingest.validation.OwnersUnavailableException;
import io.keepline.support.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps refused requests to RFC 9457 problem details: 400, 401 (with a Bearer challenge),
 * 408 (a body too slow), 413, 415 (Spring's own), 429 (with Retry-After) and 503 (with
 * Retry-After) when Kafka cannot take a batch or line ownership cannot be told yet.
 */
@RestControllerAdvice
class IngestExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(IngestExceptionHandler.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	@ExceptionHandler(IngestProblem.class)
	ResponseEntity<ProblemDetail> refused(IngestProblem problem) {
		if (problem instanceof IngestProblem.Unauthorized) {
			return Problems.unauthorized(problem.getMessage());
		}
		if (problem instanceof IngestProblem.BadRequest || problem instanceof IngestProblem.TooLarge
				|| problem instanceof IngestProblem.TooSlow) {
			return Problems.of(problem.status(), problem.getMessage());
		}
		if (problem instanceof IngestProblem.TooManyRequests) {
			return ResponseEntity.status(problem.status())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(OperatorRateLimits.PERIOD.toSeconds()))
				.body(ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage()));
		}
		throw new UnhandledTypeException(problem);
	}

	@ExceptionHandler(BatchNotPublishedException.class)
	ResponseEntity<ProblemDetail> unavailable(BatchNotPublishedException ex) {
		log.warn("Batch refused, Kafka unavailable: {}", ex.getMessage());
		return unavailable("Kafka cannot take the batch right now; nothing of it was accepted. Retry later.");
	}

	private static ResponseEntity<ProblemDetail> unavailable(String detail) {
		return Problems.unavailable(detail, RETRY_AFTER);
	}

	@ExceptionHandler(OwnersUnavailableException.class)
	ResponseEntity<ProblemDetail> ownersUnavailable(OwnersUnavailableException ex) {
		log.debug("Batch refused: {}", ex.getMessage());
		return unavailable("Ingest is still reading line owners from Kafka and cannot take the batch yet; nothing of "
				+ "it was accepted. Retry later.");
	}

	@ExceptionHandler(CsvImportFailed.class)
	ResponseEntity<ProblemDetail> csvFailed(CsvImportFailed ex) {
		HttpStatus status = status(ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setType(URI.create("about:blank"));
		problem.setProperty("lastCommittedLine", ex.lastCommittedLine());
		if (ex.summary() != null) {
			problem.setProperty("committed", ex.summary());
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
		}
		return response.body(problem);
	}

	/** The status a failed CSV import answers with. */
	static HttpStatus status(CsvImportFailed failure) {
		if (failure instanceof CsvImportFailed.BadCsv) {
			return HttpStatus.BAD_REQUEST;
		}
		if (failure instanceof CsvImportFailed.Unavailable) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		throw new UnhandledTypeException(failure);
	}

}
