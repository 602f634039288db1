package io.keepline.standalone.seed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import tools.jackson.databind.JsonNode;

/**
 * Posts line events to ingest's batch API as an operator integration does, retrying while
 * ingest answers 503 (Kafka not ready yet).
 */
public final class IngestClient {

	private static final int ATTEMPTS = 20;

	private final URI endpoint;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public IngestClient(String ingestUrl) {
		this.endpoint = URI.create(ingestUrl + "/v1/line-events");
	}

	/** How ingest answered a batch: counts, and each rejection with its reasons. */
	public record Outcome(int accepted, int rejected, List<String> errors) {

	}

	public Outcome post(List<? extends LineEvent> events, String operatorKey) {
		String body = events.stream()
			.map((event) -> EventJson.writeString(event, LineEvent.class))
			.collect(Collectors.joining(",", "[", "]"));
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + operatorKey)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		for (int attempt = 1;; attempt++) {
			HttpResponse<String> response = send(request);
			if (response != null && response.statusCode() == 200) {
				return outcome(response.body());
			}
			if (attempt >= ATTEMPTS || (response != null && response.statusCode() != 503)) {
				throw new IllegalStateException("ingest answered "
						+ ((response != null) ? response.statusCode() + ": " + response.body() : "nothing") + " to "
						+ this.endpoint);
			}
			CompletableFuture.runAsync(() -> {
			}, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)).join();
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while posting to ingest", ex);
		}
	}

	private static Outcome outcome(String body) {
		JsonNode tree = EventJson.mapper().readTree(body);
		List<String> errors = new ArrayList<>();
		for (JsonNode result : tree.path("results")) {
			if ("rejected".equals(result.path("status").asString())) {
				errors.add("item " + result.path("index").asInt() + ": " + result.path("errors"));
			}
		}
		return new Outcome(tree.path("accepted").asInt(), tree.path("rejected").asInt(), errors);
	}

}
