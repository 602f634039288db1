package io.keepline.standalone.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.standalone.seed.OperatorKeyring;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Asks the scheduler's read API ({@code GET /v1/lines/{msisdn}}) for a line's next
 * deadlines, as the line's operator (with its key from {@code KEEPLINE_OPERATOR_KEYS}),
 * within {@link #TIMEOUT}; says plainly why when it cannot answer.
 */
@Component
class SchedulerView {

	static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private final String schedulerUrl;

	private final Map<String, String> keys;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	SchedulerView(ConsoleSettings settings) {
		this.schedulerUrl = settings.schedulerUrl();
		this.keys = OperatorKeyring.parse(settings.operatorKeys());
	}

	SchedulerAnswer line(LineRecord line) {
		String operator = line.operator().value();
		String key = this.keys.get(operator);
		if (key == null) {
			return SchedulerAnswer.failed("The console has no key for operator " + operator
					+ " (KEEPLINE_OPERATOR_KEYS gives none, or only its hash), so it cannot ask the scheduler.");
		}
		URI uri = URI.create(
				this.schedulerUrl + "/v1/lines/" + URLEncoder.encode(line.msisdn().value(), StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri)
				.timeout(TIMEOUT)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
				.header(HttpHeaders.ACCEPT, "application/json")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != 200) {
				return SchedulerAnswer.failed(refusal(response, operator));
			}
			return answer(EventJson.mapper().readTree(response.body()), line.holder().timeZone());
		}
		catch (HttpTimeoutException ex) {
			return SchedulerAnswer.failed("The scheduler did not answer within " + TIMEOUT.toSeconds() + " s.");
		}
		catch (IOException ex) {
			return SchedulerAnswer.failed("The scheduler cannot be reached at " + this.schedulerUrl + ".");
		}
		catch (JacksonException | DateTimeParseException ex) {
			return SchedulerAnswer.failed("The scheduler's answer could not be read: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return SchedulerAnswer.failed("Interrupted while asking the scheduler.");
		}
	}

	private static String refusal(HttpResponse<String> response, String operator) {
		String detail = detail(response.body());
		return switch (response.statusCode()) {
			case 401, 403 -> "The scheduler refused operator " + operator + "'s key (" + response.statusCode() + ": "
					+ detail + ").";
			case 404 -> "The scheduler does not know this line (yet).";
			case 503 -> "The scheduler is starting or rebalancing; this page refreshes itself.";
			default -> "The scheduler answered " + response.statusCode() + ": " + detail;
		};
	}

	private static String detail(String body) {
		try {
			JsonNode detail = EventJson.mapper().readTree(body).path("detail");
			return detail.isString() ? detail.asString() : "no detail";
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return "no detail";
		}
	}

	private static SchedulerAnswer answer(JsonNode report, ZoneId holderZone) {
		List<SchedulerAnswer.Deadline> deadlines = new ArrayList<>();
		for (JsonNode next : report.path("nextDeadlines")) {
			Instant due = Instant.parse(next.path("dueAt").asString());
			String kind = next.path("kind").asString("deadline").toLowerCase(Locale.ROOT).replace('_', ' ');
			int stage = next.path("stage").asInt(0);
			String what = kind.equals("reminder") ? "reminder D-" + stage
					: (stage > 0) ? kind + " (attempt " + stage + ")" : kind;
			deadlines.add(new SchedulerAnswer.Deadline(what, due,
					LOCAL.format(due.atZone(holderZone)) + " " + holderZone.getId()));
		}
		deadlines.sort(Comparator.comparing(SchedulerAnswer.Deadline::dueAt));
		return new SchedulerAnswer(null, report.path("state").asString(null), report.path("validUntil").asString(null),
				List.copyOf(deadlines), EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
	}

}
