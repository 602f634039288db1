package io.keepline.reliability.brokeroutage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.keepline.contracts.json.EventJson;
import io.keepline.testsupport.Unique;
import tools.jackson.databind.JsonNode;

/**
 * Operator integrations posting small batches of new, valid {@code LineRegistered} events
 * to ingest at a steady pace from a few threads, each batch with fresh numbers and event
 * ids, whatever the previous answer was; every exchange is recorded.
 */
final class SteadySender implements AutoCloseable {

	private static final String ITEM = """
			{"type": "LineRegistered", "eventId": "%s", "msisdn": "%s", "operator": "orange",
			 "plan": "orange-prepaid-15", "validUntil": "%s", "renewalPrice": {"amountCents": 1500, "currency": "EUR"},
			 "holder": {"name": "Holder", "email": "holder@example.com", "locale": "en", "timeZone": "Europe/Brussels"}}""";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI endpoint;

	private final String operatorKey;

	private final int batchSize;

	private final ScheduledExecutorService threads;

	private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

	private final String validUntil = LocalDate.now().plusDays(60).toString();

	/**
	 * Starts {@code senders} threads, each posting a batch of {@code batchSize} events,
	 * waiting for the answer, then {@code pause} before the next.
	 */
	SteadySender(URI endpoint, String operatorKey, int senders, int batchSize, Duration pause) {
		this.endpoint = endpoint;
		this.operatorKey = operatorKey;
		this.batchSize = batchSize;
		this.threads = Executors.newScheduledThreadPool(senders);
		for (int i = 0; i < senders; i++) {
			this.threads.scheduleWithFixedDelay(() -> this.exchanges.add(post()), i * pause.toMillis() / senders,
					pause.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	List<Exchange> exchanges() {
		return List.copyOf(this.exchanges);
	}

	private Exchange post() {
		List<String> ids = new ArrayList<>();
		StringBuilder body = new StringBuilder("[");
		for (int i = 0; i < this.batchSize; i++) {
			String id = UUID.randomUUID().toString();
			ids.add(id);
			body.append((i > 0) ? "," : "").append(ITEM.formatted(id, Unique.msisdn().value(), this.validUntil));
		}
		body.append(']');
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.operatorKey)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		long started = System.currentTimeMillis();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Exchange(started, System.currentTimeMillis(), response.statusCode(),
					response.headers().firstValue("Retry-After").orElse(null), ids, accepted(response));
		}
		catch (IOException ex) {
			return new Exchange(started, System.currentTimeMillis(), 0, null, ids, List.of());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Exchange(started, System.currentTimeMillis(), 0, null, ids, List.of());
		}
	}

	private static List<String> accepted(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			return List.of();
		}
		List<String> accepted = new ArrayList<>();
		for (JsonNode result : EventJson.mapper().readTree(response.body()).get("results")) {
			if ("accepted".equals(result.get("status").asString())) {
				accepted.add(result.get("eventId").asString());
			}
		}
		return accepted;
	}

	@Override
	public void close() throws InterruptedException {
		this.threads.shutdown();
		if (!this.threads.awaitTermination(150, TimeUnit.SECONDS)) {
			throw new IllegalStateException("a sender still waits for an answer");
		}
	}

}
