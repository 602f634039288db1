package io.keepline.ingest.imports;

import java.util.List;
import java.util.UUID;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.imports.ImportJob;
import io.keepline.support.web.OperatorAuthentication;
import io.keepline.support.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling operator's CSV imports and their status; another operator's import answers
 * 404.
 */
@RestController
@RequestMapping(path = "/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
class ImportsController implements ImportsApi {

	private final OperatorAuthentication authentication;

	private final ImportJobs jobs;

	ImportsController(OperatorAuthentication authentication, ImportJobs jobs) {
		this.authentication = authentication;
		this.jobs = jobs;
	}

	@Override
	@GetMapping
	public ResponseEntity<?> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key) {
		return this.authentication.operator(key)
			.<ResponseEntity<?>>map((operator) -> ResponseEntity.ok(new Imports(this.jobs.of(operator))))
			.orElseGet(ImportsController::unauthorized);
	}

	@Override
	@GetMapping("/{id}")
	public ResponseEntity<?> get(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
			@PathVariable String id) {
		OperatorId operator = this.authentication.operator(key).orElse(null);
		if (operator == null) {
			return unauthorized();
		}
		UUID jobId;
		try {
			jobId = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "id: not an import id");
			problem.setProperty("field", "id");
			return ResponseEntity.badRequest().body(problem);
		}
		return this.jobs.get(operator, jobId)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> Problems.of(HttpStatus.NOT_FOUND, "No import " + id + " of " + operator));
	}

	private static ResponseEntity<ProblemDetail> unauthorized() {
		return Problems.unauthorized("A valid operator key is required: Authorization: Bearer <key>");
	}

	/** The operator's imports, the latest first. */
	record Imports(List<ImportJob> imports) {

	}

}
