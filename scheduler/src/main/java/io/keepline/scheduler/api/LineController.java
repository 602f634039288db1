package io.keepline.scheduler.api;

import java.util.Map;
import java.util.Optional;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.scheduler.deadline.LineState;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/lines/{msisdn}}: a line's deadlines for the operator that owns it,
 * answered by any instance (forwarded to the owning one through Streams metadata).
 */
@RestController
class LineController {

	/** Marks a request forwarded by another instance, which is answered locally only. */
	static final String FORWARDED = "X-Keepline-Forwarded";

	private final OperatorKeys keys;

	private final LineLookup lookup;

	private final LineForwarder forwarder;

	LineController(OperatorKeys keys, LineLookup lookup, LineForwarder forwarder) {
		this.keys = keys;
		this.lookup = lookup;
		this.forwarder = forwarder;
	}

	@GetMapping("/v1/lines/{msisdn}")
	ResponseEntity<?> line(@PathVariable String msisdn,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = FORWARDED, required = false) String forwarded) {
		Optional<OperatorId> operator = authenticate(authorization);
		if (operator.isEmpty()) {
			return error(HttpStatus.UNAUTHORIZED, "missing or unknown operator key");
		}
		Msisdn number;
		try {
			number = Msisdn.of(msisdn);
		}
		catch (InvalidValueException ex) {
			return error(HttpStatus.BAD_REQUEST, ex.reason());
		}
		try {
			LineLookup.Found found = this.lookup.find(number, forwarded != null);
			if (found instanceof LineLookup.Elsewhere elsewhere) {
				return this.forwarder.forward(elsewhere.host(), number, authorization);
			}
			Optional<LineState> line = ((LineLookup.Here) found).line().filter(LineState::registered);
			if (line.isEmpty()) {
				return error(HttpStatus.NOT_FOUND, "unknown line");
			}
			if (!line.get().operator().equals(operator.get())) {
				return error(HttpStatus.FORBIDDEN, "the line belongs to another operator");
			}
			return ResponseEntity.ok(LineView.of(line.get()));
		}
		catch (LineLookup.NotReadyException | InvalidStateStoreException ex) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "1")
				.body(Map.of("error", "the scheduler is starting or rebalancing"));
		}
	}

	private Optional<OperatorId> authenticate(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return Optional.empty();
		}
		return this.keys.authenticate(authorization.substring("Bearer ".length()).trim());
	}

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

}
