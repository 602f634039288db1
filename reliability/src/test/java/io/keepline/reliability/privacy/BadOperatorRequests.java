package io.keepline.reliability.privacy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.reliability.privacy.Holders.Line;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mistakes an operator integration makes, each carrying a holder's personal data: an
 * item that breaks a rule, JSON broken at a name, a wrong key, a CSV row that breaks a
 * rule. Each is refused, and no answer echoes the personal data it carried.
 */
final class BadOperatorRequests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String ingestUrl;

	private final Line line;

	BadOperatorRequests(String ingestUrl, List<Line> lines) {
		this.ingestUrl = ingestUrl;
		this.line = lines.get(0);
	}

	/** Sends them all and returns how many were sent. */
	int send() throws IOException, InterruptedException {
		String name = this.line.event().holder().name();
		String email = this.line.event().holder().email();
		String item = EventJson.writeString(this.line.event(), LineEvent.class)
			.replace(this.line.event().holder().timeZone().getId(), "Mars/Olympus_Mons");
		String surname = Arrays.stream(name.split("[^\\p{L}]+"))
			.max(Comparator.comparingInt(String::length))
			.orElseThrow();
		String key = "Bearer " + this.line.operatorKey();

		HttpResponse<String> badItem = post("/v1/line-events", "application/json", key, "[" + item + "]");
		HttpResponse<String> brokenJson = post("/v1/line-events", "application/json", key,
				"[{\"holder\": {\"name\": " + surname + "}}]");
		HttpResponse<String> wrongKey = post("/v1/line-events", "application/json", "Bearer not-a-key",
				"[" + item + "]");
		HttpResponse<String> badRow = post("/v1/line-events/csv", "text/csv", key,
				"type,eventId,msisdn,operator,holder.name,holder.email\nLineRegistered,x," + this.line.msisdn().value()
						+ "," + this.line.event().operator().value() + "," + name + "," + email.replace("@", " at ")
						+ "\n");

		assertThat(badItem.statusCode()).isEqualTo(200);
		assertThat(badItem.body()).contains("\"reason\":\"invalid_time_zone\"");
		assertThat(brokenJson.statusCode()).isEqualTo(400);
		assertThat(wrongKey.statusCode()).isEqualTo(401);
		assertThat(badRow.statusCode()).isEqualTo(200);
		assertThat(badRow.body()).contains("\"reason\":\"invalid_email\"");
		for (HttpResponse<String> answer : List.of(badItem, brokenJson, wrongKey, badRow)) {
			assertThat(answer.body()).as("answer to a bad request")
				.doesNotContain(name)
				.doesNotContain(surname)
				.doesNotContain(email)
				.doesNotContain(email.substring(0, email.indexOf('@')))
				.doesNotContain(this.line.msisdn().value().substring(1));
		}
		return 4;
	}

	private HttpResponse<String> post(String path, String contentType, String authorization, String body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.ingestUrl + path))
			.header("Content-Type", contentType)
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
