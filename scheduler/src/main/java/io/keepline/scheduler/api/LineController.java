package io.keepline.scheduler.api;

import java.time.Duration;
import java.util.Optional;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.support.web.OperatorAuthentication;
import io.keepline.support.web.Problems;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/lines/{msisdn}}: a line's deadlines for the operator that owns it,
 * answered by any instance (forwarded to the owning one through Streams metadata); every
 * refusal is a problem detail.
 */
@RestController
class LineController {

	/** Marks a request forwarded by another instance, which is answered locally only. */
	static final String FORWARDED = "X-Keepline-Forwarded";

	private final OperatorAuthentication authentication;

	private final LineQueries queries;

	private final LineForwarder forwarder;

	LineController(OperatorAuthentication authentication, LineQueries queries, LineForwarder forwarder) {
		this.authentication = authentication;
		this.queries = queries;
		this.forwarder = forwarder;
	}

	@GetMapping("/v1/lines/{msisdn}")
	ResponseEntity<?> line(@PathVariable String msisdn,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = FORWARDED, required = false) String forwarded) {
		Optional<OperatorId> operator = this.authentication.operator(authorization);
		if (operator.isEmpty()) {
			return Problems.unauthorized("missing or unknown operator key");
		}
		Msisdn number;
		try {
			number = Msisdn.of(msisdn);
		}
		catch (InvalidValueException ex) {
			return invalidNumber(ex.reason());
		}
		try {
			LineQueries.Found found = this.queries.find(number, forwarded != null);
			if (found instanceof LineQueries.Elsewhere elsewhere) {
				return this.forwarder.forward(elsewhere.host(), number, authorization);
			}
			if (found instanceof LineQueries.Here here) {
				return report(here.line(), operator.get());
			}
			throw new UnhandledTypeException(found);
		}
		catch (LineQueries.NotReadyException | InvalidStateStoreException ex) {
			return Problems.unavailable("the scheduler is starting or rebalancing", Duration.ofSeconds(1));
		}
	}

	private static ResponseEntity<?> report(Optional<LineState> found, OperatorId operator) {
		Optional<LineState> line = found.filter(LineState::registered);
		if (line.isEmpty()) {
			return Problems.of(HttpStatus.NOT_FOUND, "unknown line");
		}
		if (!line.get().operator().equals(operator)) {
			return Problems.of(HttpStatus.FORBIDDEN, "the line belongs to another operator");
		}
		return ResponseEntity.ok(LineReport.of(line.get()));
	}

	/** 400 naming the field and the reason code. */
	private static ResponseEntity<ProblemDetail> invalidNumber(String reason) {
		ResponseEntity<ProblemDetail> answer = Problems.of(HttpStatus.BAD_REQUEST, "msisdn: " + reason);
		answer.getBody().setProperty("field", "msisdn");
		answer.getBody().setProperty("reason", reason);
		return answer;
	}

}
