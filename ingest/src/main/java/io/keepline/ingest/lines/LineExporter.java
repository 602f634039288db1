package io.keepline.ingest.lines;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Gathers everything Keepline holds about one of an operator's lines, for the holder's
 * right of access: the line as the operator API keeps it and its timeline (this
 * instance's stores), the scheduler's state as its read API shows it, and payments' line
 * record (the holder's contact and saved card) with its payment history, both asked with
 * the operator's own key. A part that cannot be read is named in
 * {@link LineExport#unavailable()} rather than failing the export.
 */
final class LineExporter {

	private static final Logger log = LoggerFactory.getLogger(LineExporter.class);

	private final LineDirectory directory;

	private final ExportSettings settings;

	private final HttpClient http;

	private final Clock clock;

	LineExporter(LineDirectory directory, ExportSettings settings, HttpClient http, Clock clock) {
		this.directory = directory;
		this.settings = settings;
		this.http = http;
		this.clock = clock;
	}

	/**
	 * Everything held about {@code msisdn}; empty when it is not one of the operator's
	 * lines.
	 */
	Optional<LineExport> export(OperatorId operator, Msisdn msisdn, String authorization) {
		Optional<LineSummary> line = this.directory.line(operator, msisdn);
		if (line.isEmpty()) {
			return Optional.empty();
		}
		List<LineFact> timeline = this.directory.timeline(operator, msisdn).orElse(List.of());
		List<String> unavailable = new ArrayList<>();
		JsonNode scheduler = call("scheduler", this.settings.schedulerUrl(), "/v1/lines/", msisdn, "", authorization,
				unavailable);
		JsonNode payments = call("payments", this.settings.paymentsUrl(), "/v1/lines/", msisdn, "/export",
				authorization, unavailable);
		Instant now = this.clock.instant();
		return Optional.of(new LineExport(msisdn.value(), operator.value(), now, line.get(), timeline, scheduler,
				payments, unavailable));
	}

	private JsonNode call(String part, URI base, String path, Msisdn msisdn, String suffix, String authorization,
			List<String> unavailable) {
		if (base == null) {
			unavailable.add(part + ": not configured (keepline.ingest.export." + part + "-url)");
			return null;
		}
		URI uri = URI.create(base.toString().replaceAll("/+$", "") + path
				+ URLEncoder.encode(msisdn.value(), StandardCharsets.UTF_8) + suffix);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.settings.timeout())
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				return EventJson.mapper().readTree(response.body());
			}
			if (response.statusCode() == 404) {
				return null;
			}
			unavailable.add(part + ": answered " + response.statusCode());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Export of {} could not read {}: {}", msisdn, part, ex.getClass().getSimpleName());
			unavailable.add(part + ": not reachable");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			unavailable.add(part + ": interrupted");
		}
		return null;
	}

	/**
	 * Everything held about one line.
	 *
	 * @param msisdn the line
	 * @param operator the operator it belongs to
	 * @param exportedAt when the export was made
	 * @param line the line as the operator API keeps it (from its line record)
	 * @param timeline its events on Keepline's topics since its registration
	 * @param scheduler the scheduler's state of the line, as {@code GET
	 * /v1/lines/{msisdn}} shows it; null when unavailable or unknown there
	 * @param payments payments' line record (holder contact, saved card) and payment
	 * history; null when unavailable or unknown there
	 * @param unavailable the parts that could not be read, and why
	 */
	record LineExport(String msisdn, String operator, Instant exportedAt, LineSummary line, List<LineFact> timeline,
			JsonNode scheduler, JsonNode payments, List<String> unavailable) {

	}

}
