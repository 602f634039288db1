package io.keepline.support.deadletters;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.contracts.topic.Topics;
import io.keepline.support.kafka.DeadLetters;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dead-letter admin of a service on a real broker, over its management port: it lists
 * only its own groups' dead letters with masked reasons, replays each through its handler
 * once, keeps one that fails again parked with the new reason, and remembers what it
 * replayed across a restart.
 */
@RealKafka
class DeadLetterReplayTest {

	private static final String GROUP = "keepline-replay-test";

	private static final String TOKEN = "test-admin-token-0123456789";

	private static final String DLT = Topics.DEADLINE_EVENTS.deadLetter();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void replaysEachDeadLetterOnceThroughItsGroupsHandler(KafkaCluster cluster) throws Exception {
		cluster.createTopics(DLT);
		List<DeadlineEvent> samples = EventSamples.everyPermitted(DeadlineEvent.class).subList(0, 2);
		Handler handler = new Handler(samples.get(1));
		try (ConfigurableApplicationContext context = start(cluster, handler)) {
			DeadLetters deadLetters = context.getBean(DeadLetters.class);
			for (DeadlineEvent event : samples) {
				park(deadLetters, GROUP, event, "SMTP refused ana@example.com for +32470123456");
			}
			park(deadLetters, "another-group", samples.get(0), "not ours");
			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port")
					+ "/actuator/deadletters";

			await().untilAsserted(() -> assertThat(get(base, null).body()).contains("PARKED"));
			String listing = get(base + "?topic=" + DLT, null).body();
			assertThat(listing).doesNotContain("another-group")
				.doesNotContain("ana@example.com")
				.doesNotContain("+32470123456")
				.contains("***@***");
			assertThat(post(base, "{\"topic\":\"" + DLT + "\"}", null).statusCode()).isEqualTo(401);

			HttpResponse<String> first = post(base, "{\"topic\":\"" + DLT + "\"}", TOKEN);
			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(first.body()).contains("\"replayed\":1", "\"failedAgain\":1");
			assertThat(get(base, null).body()).contains("FAILED_AGAIN", "still down");

			handler.recover();
			assertThat(post(base, "{\"topic\":\"" + DLT + "\"}", TOKEN).body()).contains("\"replayed\":1",
					"\"failedAgain\":0");
			assertThat(post(base, "{\"topic\":\"" + DLT + "\"}", TOKEN).body()).contains("\"replayed\":0");
		}
		assertThat(handler.handled).containsExactlyInAnyOrderElementsOf(samples);

		Handler afterRestart = new Handler(null);
		try (ConfigurableApplicationContext context = start(cluster, afterRestart)) {
			DeadLetterAdmin admin = context.getBean(DeadLetterAdmin.class);
			assertThat(admin.replayAll(DLT).replayed()).isZero();
			assertThat(admin.list(DLT)).extracting(DeadLetter::state)
				.hasSize(2)
				.containsOnly(DeadLetter.State.REPLAYED);
			DeadLetter one = admin.list(DLT).get(0);
			String[] id = one.id().split("/");
			String url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port")
					+ "/actuator/deadletters/" + one.id();
			assertThat(get(url, null).statusCode()).isEqualTo(401);
			assertThat(get(url, TOKEN).body()).contains("\"value\":");
			assertThat(admin.replay(id[0], Integer.parseInt(id[1]), Long.parseLong(id[2]))).hasValueSatisfying(
					(result) -> assertThat(result.outcome()).isEqualTo(ReplayResult.Outcome.ALREADY_REPLAYED));
		}
		assertThat(afterRestart.handled).isEmpty();
	}

	private static void park(DeadLetters deadLetters, String group, DeadlineEvent event, String reason) {
		byte[] key = Topics.MSISDN.serializer().serialize(Topics.DEADLINE_EVENTS.name(), event.msisdn());
		byte[] value = Topics.DEADLINE_EVENTS.valueSerde().serializer().serialize(Topics.DEADLINE_EVENTS.name(), event);
		deadLetters.recoverer(group)
			.accept(new ConsumerRecord<>(Topics.DEADLINE_EVENTS.name(), 0, 7L, key, value),
					new IllegalStateException(reason));
	}

	private HttpResponse<String> get(String url, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, String body, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static ConfigurableApplicationContext start(KafkaCluster cluster, Handler handler) {
		return new SpringApplicationBuilder(Service.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("handler", handler))
			.properties(Map.of("spring.kafka.bootstrap-servers", cluster.bootstrapServers(), "spring.jmx.enabled",
					"false", "server.port", "0", "server.address", "127.0.0.1", "management.server.port", "0",
					"management.endpoints.web.exposure.include", "deadletters", "keepline.admin.token", TOKEN))
			.run();
	}

	/** Records what it handled; fails for one line until it recovers. */
	static final class Handler {

		final List<DeadlineEvent> handled = new CopyOnWriteArrayList<>();

		private final Set<DeadlineEvent> failing = ConcurrentHashMap.newKeySet();

		Handler(DeadlineEvent failing) {
			if (failing != null) {
				this.failing.add(failing);
			}
		}

		void handle(Msisdn key, DeadlineEvent event) {
			if (this.failing.contains(event)) {
				throw new IllegalStateException("still down for " + key.value());
			}
			this.handled.add(event);
		}

		void recover() {
			this.failing.clear();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

		@Bean
		DeadLetterSource deadlines(Handler handler) {
			return DeadLetterSource.replayedBy(GROUP, Topics.DEADLINE_EVENTS, handler::handle);
		}

	}

}
