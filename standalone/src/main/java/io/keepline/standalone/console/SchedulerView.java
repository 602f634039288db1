package io.keepline.standalone.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.keepline.contracts.json.EventJson;

import org.springframework.stereotype.Component;

/**
 * The scheduler's own view of a line ({@code GET /v1/lines/{msisdn}}), shown as it
 * answers, next to the console's view derived from the topics.
 */
@Component
class SchedulerView {

	private final String schedulerUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	SchedulerView(ConsoleSettings settings) {
		this.schedulerUrl = settings.schedulerUrl();
	}

	/** The scheduler's answer, pretty-printed, or why there is none. */
	String line(String msisdn) {
		URI uri = URI.create(this.schedulerUrl + "/v1/lines/" + URLEncoder.encode(msisdn, StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != 200) {
				return "GET " + uri + " answered " + response.statusCode();
			}
			return EventJson.mapper()
				.writerWithDefaultPrettyPrinter()
				.writeValueAsString(EventJson.mapper().readTree(response.body()));
		}
		catch (IOException | RuntimeException ex) {
			return "GET " + uri + " failed: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
