package io.keepline.scheduler.api;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.scheduler.SchedulerSettings;
import io.keepline.scheduler.deadline.DueEntry;
import io.keepline.scheduler.deadline.EngineSettings;
import io.keepline.scheduler.deadline.LineRules;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.scheduler.engine.Fixtures;
import io.keepline.scheduler.engine.SchedulerTopology;
import io.keepline.support.web.OperatorAuthentication;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The read API's routing (forwarded to the owning instance, answered locally otherwise)
 * and its refusals, each a problem detail.
 */
class LineControllerTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final String ORANGE = "Bearer orange-test-key-1";

	private final KafkaStreams streams = mock(KafkaStreams.class);

	private final ReadOnlyKeyValueStore<Msisdn, LineState> store = mock();

	private final ReadOnlyKeyValueStore<Bytes, byte[]> index = mock();

	private static final SchedulerSettings SCHEDULER_SETTINGS = new SchedulerSettings(LocalTime.of(10, 0),
			LocalTime.of(9, 0), LocalTime.of(21, 0), List.of(3, 2, 1), Duration.ofMillis(250), 20_000,
			Duration.ofMillis(200), Duration.ofDays(14), DataSize.ofMegabytes(256));

	private final LineForwarder forwarder = mock(LineForwarder.class);

	private LineController controller;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void setUp() {
		StreamsBuilderFactoryBean factory = mock(StreamsBuilderFactoryBean.class);
		given(factory.getKafkaStreams()).willReturn(this.streams);
		Properties streamsConfiguration = new Properties();
		streamsConfiguration.put("application.server", "me:8082");
		given(factory.getStreamsConfiguration()).willReturn(streamsConfiguration);
		given(this.streams.state()).willReturn(KafkaStreams.State.RUNNING);
		given(this.streams.store(any(StoreQueryParameters.class))).willAnswer((query) -> SchedulerTopology.INDEX_STORE
			.equals(query.<StoreQueryParameters<?>>getArgument(0).storeName()) ? this.index : this.store);
		given(this.index.get(any())).willReturn(new byte[] { 1 });
		this.controller = controller(
				new LineQueries(factory, new KafkaStreamsInteractiveQueryService(factory), SCHEDULER_SETTINGS));
	}

	private LineController controller(LineQueries queries) {
		return new LineController(
				new OperatorAuthentication(OperatorKeys.parse("orange=orange-test-key-1,base=base-test-key-1")),
				queries, this.forwarder);
	}

	@Test
	void forwardsToTheInstanceThatOwnsTheLine() {
		HostInfo owner = new HostInfo("other", 9000);
		owns(owner);
		given(this.forwarder.forward(owner, LINE, ORANGE)).willReturn(ResponseEntity.ok("{\"state\":\"ACTIVE\"}"));
		ResponseEntity<?> response = this.controller.line(LINE.value(), ORANGE, null);
		assertThat(response.getBody()).isEqualTo("{\"state\":\"ACTIVE\"}");
	}

	@Test
	void answersFromItsOwnStoreWhenItOwnsTheLine() {
		owns(new HostInfo("me", 8082));
		given(this.store.get(LINE)).willReturn(registered());
		ResponseEntity<?> response = this.controller.line(LINE.value(), ORANGE, null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isInstanceOfSatisfying(LineReport.class,
				(view) -> assertThat(view.validUntil()).isEqualTo(LocalDate.parse("2027-03-15")));
		verify(this.forwarder, never()).forward(any(), any(), any());
	}

	@Test
	void showsAReminderWhoseIndexEntryIsGoneAsFired() {
		LineState line = registered();
		DueEntry first = line.planned().get(0);
		given(this.store.get(LINE)).willReturn(line);
		// an index key starts with the entry's due millis, big-endian
		given(this.index.get(any()))
			.willAnswer((query) -> (ByteBuffer.wrap(query.<Bytes>getArgument(0).get()).getLong() == first.dueMillis())
					? null : new byte[] { 1 });
		ResponseEntity<?> response = this.controller.line(LINE.value(), ORANGE, "true");
		assertThat(response.getBody()).isInstanceOfSatisfying(LineReport.class, (view) -> {
			assertThat(view.done()).containsExactly(first.milestone());
			assertThat(view.nextDeadlines()).hasSize(line.planned().size() - 1)
				.noneMatch((next) -> next.dueAt().equals(first.due()));
		});
	}

	@Test
	void answersAForwardedRequestLocallyWithoutAskingForMetadata() {
		given(this.store.get(LINE)).willReturn(registered());
		assertThat(this.controller.line(LINE.value(), ORANGE, "true").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.controller.line(LINE.value(), "Bearer base-test-key-1", "true").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		verify(this.forwarder, never()).forward(any(), any(), any());
	}

	@Test
	void saysUnavailableWhileTheEngineIsNotRunning() {
		given(this.streams.state()).willReturn(KafkaStreams.State.REBALANCING);
		ResponseEntity<?> response = this.controller.line(LINE.value(), ORANGE, null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(response.getBody()).isInstanceOf(ProblemDetail.class);
	}

	@Test
	void takesTheBearerSchemeInAnyCase() {
		given(this.store.get(LINE)).willReturn(registered());
		assertThat(this.controller.line(LINE.value(), "bearer orange-test-key-1", "true").getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void refusesWithProblemDetails() {
		ResponseEntity<?> anonymous = this.controller.line(LINE.value(), null, "true");
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.isEqualTo(OperatorAuthentication.CHALLENGE);
		assertThat(problem(anonymous).getDetail()).contains("operator key");

		ProblemDetail invalid = problem(this.controller.line("0471000501", ORANGE, "true"));
		assertThat(invalid.getStatus()).isEqualTo(400);
		assertThat(invalid.getProperties()).containsEntry("field", "msisdn").containsEntry("reason", "not_e164");

		ProblemDetail unknown = problem(this.controller.line(LINE.value(), ORANGE, "true"));
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getDetail()).contains("unknown line");
	}

	@Test
	void handlesEveryWayALineIsFound() {
		Map<Class<?>, LineQueries.Found> samples = Map.of(LineQueries.Here.class,
				new LineQueries.Here(Optional.of(registered())), LineQueries.Elsewhere.class,
				new LineQueries.Elsewhere(new HostInfo("other", 9000)));
		assertThat(samples.keySet())
			.containsExactlyInAnyOrderElementsOf(Arrays.asList(LineQueries.Found.class.getPermittedSubclasses()));
		samples.values().forEach((found) -> {
			LineQueries queries = mock(LineQueries.class);
			given(queries.find(LINE, false)).willReturn(found);
			assertThatCode(() -> controller(queries).line(LINE.value(), ORANGE, null))
				.as("%s", found.getClass().getSimpleName())
				.doesNotThrowAnyException();
		});
	}

	private static ProblemDetail problem(ResponseEntity<?> response) {
		assertThat(response.getBody()).isInstanceOf(ProblemDetail.class);
		return (ProblemDetail) response.getBody();
	}

	@SuppressWarnings("unchecked")
	private void owns(HostInfo owner) {
		given(this.streams.queryMetadataForKey(eq(SchedulerTopology.LINES_STORE), eq(LINE), any(Serializer.class)))
			.willReturn(new KeyQueryMetadata(owner, Set.of(), 3));
	}

	private static LineState registered() {
		Instant now = Instant.parse("2027-01-01T00:00:00Z");
		return new LineRules(EngineSettings.defaults())
			.apply(null, LINE, Fixtures.registered(LINE, LocalDate.parse("2027-03-15"), "Europe/Brussels", now), now)
			.state();
	}

}
