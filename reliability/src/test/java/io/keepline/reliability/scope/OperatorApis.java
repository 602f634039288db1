package io.keepline.reliability.scope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.reliability.ServiceRun;
import io.keepline.testsupport.KafkaCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator integration calls, with its key (null: no Authorization header):
 * ingest's JSON batch and CSV import, the raw Kafka topic, and the scheduler's read API;
 * and how many items ingest refused for exactly one reason.
 */
final class OperatorApis {

	/** The most items one JSON batch may hold. */
	static final int BATCH = 1_000;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ServiceRun ingest;

	private final ServiceRun scheduler;

	OperatorApis(ServiceRun ingest, ServiceRun scheduler) {
		this.ingest = ingest;
		this.scheduler = scheduler;
	}

	HttpResponse<String> postJson(String key, String batch) {
		return send(request(this.ingest, "/v1/line-events", key).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(batch, StandardCharsets.UTF_8)));
	}

	HttpResponse<String> postCsv(String key, String csv) {
		return send(request(this.ingest, "/v1/line-events/csv", key).header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
	}

	HttpResponse<String> line(String key, Msisdn msisdn) {
		return send(request(this.scheduler, "/v1/lines/" + msisdn.value(), key).GET());
	}

	/** Posts {@code events} in JSON batches; returns how many items were accepted. */
	int postAll(String key, List<? extends LineEvent> events) {
		int accepted = 0;
		for (JsonNode answer : batches(key, events)) {
			accepted += answer.get("accepted").intValue();
		}
		return accepted;
	}

	/**
	 * Posts {@code events} in JSON batches; returns how many were refused for
	 * {@code only}.
	 */
	int refusedOverJson(String key, List<? extends LineEvent> events, FieldError only) {
		int refused = 0;
		for (JsonNode answer : batches(key, events)) {
			for (JsonNode result : answer.get("results")) {
				if ("rejected".equals(result.get("status").asString()) && onlyError(result.get("errors"), only)) {
					refused++;
				}
			}
		}
		return refused;
	}

	/**
	 * Imports {@code events} as CSV; checks that no row was taken and that every row
	 * error listed is {@code only}; returns how many rows were rejected.
	 */
	int refusedOverCsv(String key, List<? extends LineEvent> events, FieldError only) {
		HttpResponse<String> response = postCsv(key, OperatorEvents.csv(events));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode summary = body(response);
		assertThat(summary.get("rows").intValue()).isEqualTo(events.size());
		assertThat(summary.get("accepted").intValue()).isZero();
		assertThat(summary.get("errors")).isNotEmpty()
			.allSatisfy((row) -> assertThat(onlyError(row.get("errors"), only)).as(row.toString()).isTrue());
		return summary.get("rejected").intValue();
	}

	/** Publishes {@code events} on {@code operator}'s raw topic as that operator does. */
	static void publishRaw(KafkaCluster cluster, OperatorId operator, List<? extends LineEvent> events) {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.producerProperties(),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			for (LineEvent event : events) {
				producer.send(new ProducerRecord<>(Topics.operatorEventsRaw(operator).name(),
						event.msisdn().value().getBytes(StandardCharsets.UTF_8),
						OperatorEvents.json(event).getBytes(StandardCharsets.UTF_8)));
			}
		}
	}

	/** Whether a list of field errors holds {@code only} and nothing else. */
	static boolean onlyError(JsonNode errors, FieldError only) {
		return errors.size() == 1 && only.field().equals(errors.get(0).get("field").asString())
				&& only.reason().equals(errors.get(0).get("reason").asString());
	}

	/** The body of a 200 answer, else null. */
	static JsonNode body(HttpResponse<String> response) {
		return (response.statusCode() == 200) ? EventJson.mapper().readTree(response.body()) : null;
	}

	private List<JsonNode> batches(String key, List<? extends LineEvent> events) {
		List<JsonNode> answers = new ArrayList<>();
		for (int from = 0; from < events.size(); from += BATCH) {
			HttpResponse<String> response = postJson(key,
					OperatorEvents.json(events.subList(from, Math.min(events.size(), from + BATCH))));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			answers.add(body(response));
		}
		return answers;
	}

	private static HttpRequest.Builder request(ServiceRun service, String path, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(service.url(path)).timeout(TIMEOUT);
		return (key != null) ? request.header("Authorization", "Bearer " + key) : request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
