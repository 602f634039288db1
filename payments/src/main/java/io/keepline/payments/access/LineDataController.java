package io.keepline.payments.access;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.line.ViewUnavailableException;
import io.keepline.support.web.OperatorAuthentication;
import io.keepline.support.web.Problems;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/lines/{msisdn}/export}: what payments holds about one of the calling
 * operator's lines, for ingest's export of everything Keepline holds (the holder's right
 * of access): the line record as payments reads it (holder contact, saved card) and the
 * line's payment history. Another operator's line, or an erased one, answers 404. Only
 * where payments takes operator keys ({@code keepline.operators.keys}).
 */
@RestController
@ConditionalOnProperty(prefix = "keepline.operators", name = "keys")
class LineDataController {

	private final OperatorAuthentication authentication;

	private final LineRecordLookup lines;

	private final PaymentHistoryLookup histories;

	LineDataController(OperatorAuthentication authentication, LineRecordLookup lines, PaymentHistoryLookup histories) {
		this.authentication = authentication;
		this.lines = lines;
		this.histories = histories;
	}

	@GetMapping("/v1/lines/{msisdn}/export")
	ResponseEntity<?> export(@PathVariable String msisdn,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		Optional<OperatorId> operator = this.authentication.operator(authorization);
		if (operator.isEmpty()) {
			return Problems.unauthorized("missing or unknown operator key");
		}
		Msisdn line;
		try {
			line = Msisdn.of(msisdn);
		}
		catch (InvalidValueException ex) {
			return Problems.of(HttpStatus.BAD_REQUEST, "msisdn: " + ex.reason());
		}
		try {
			Optional<LineRecord> record = this.lines.find(line).filter((r) -> r.operator().equals(operator.get()));
			if (record.isEmpty()) {
				return Problems.of(HttpStatus.NOT_FOUND, "no line " + line.masked() + " of " + operator.get());
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("record", record.get());
			data.put("history", this.histories.history(line).orElse(null));
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(EventJson.mapper().writeValueAsString(data));
		}
		catch (ViewUnavailableException ex) {
			return Problems.unavailable("payments' stores are starting", Duration.ofSeconds(1));
		}
	}

}
