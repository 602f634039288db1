package io.keepline.ingest.lines;

import java.util.List;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.support.web.OperatorAuthentication;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API over lines: the calling operator's lines, one line's timeline, the
 * export of everything held about a line, and a resend of its current reminder. Another
 * operator's line answers 404, as if it did not exist.
 */
@RestController
@RequestMapping(path = "/v1/lines", produces = MediaType.APPLICATION_JSON_VALUE)
class LinesController implements LinesApi {

	private final OperatorAuthentication authentication;

	private final LineDirectory directory;

	private final ReminderResends resends;

	private final LineExporter exporter;

	LinesController(OperatorAuthentication authentication, LineDirectory directory, ReminderResends resends,
			LineExporter exporter) {
		this.authentication = authentication;
		this.directory = directory;
		this.resends = resends;
		this.exporter = exporter;
	}

	@Override
	@GetMapping
	public LineDirectory.Page list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
			@RequestParam(required = false) String state, @RequestParam(required = false) String validFrom,
			@RequestParam(required = false) String validTo, @RequestParam(required = false) String msisdnPrefix,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		OperatorId operator = operator(key);
		return this.directory.page(operator, LineQuery.parse(state, validFrom, validTo, msisdnPrefix, limit, cursor));
	}

	@Override
	@GetMapping("/{msisdn}/timeline")
	public Timeline timeline(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
			@PathVariable String msisdn) {
		OperatorId operator = operator(key);
		Msisdn line = msisdn(msisdn);
		List<LineFact> entries = this.directory.timeline(operator, line)
			.orElseThrow(() -> new OperatorApiProblem.NotFound("No line " + line.masked() + " of " + operator));
		return new Timeline(line.value(), entries);
	}

	@Override
	@GetMapping("/{msisdn}/export")
	public LineExporter.LineExport export(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
			@PathVariable String msisdn) {
		OperatorId operator = operator(key);
		Msisdn line = msisdn(msisdn);
		return this.exporter.export(operator, line, key)
			.orElseThrow(() -> new OperatorApiProblem.NotFound("No line " + line.masked() + " of " + operator));
	}

	@Override
	@PostMapping("/{msisdn}/reminders/resend")
	@ResponseStatus(HttpStatus.ACCEPTED)
	public ReminderResends.Requested resend(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String key,
			@PathVariable String msisdn) {
		return this.resends.request(operator(key), msisdn(msisdn));
	}

	/** One line's timeline, the oldest first. */
	record Timeline(String msisdn, List<LineFact> entries) {

	}

	private OperatorId operator(String key) {
		return this.authentication.operator(key).orElseThrow(OperatorApiProblem.Unauthorized::new);
	}

	private static Msisdn msisdn(String value) {
		try {
			return Msisdn.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new OperatorApiProblem.BadRequest(List.of(new FieldError("msisdn", "not_e164")));
		}
	}

}
