package io.keepline.scheduler.api;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.scheduler.SchedulerSettings;
import io.keepline.scheduler.deadline.LineRules;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.scheduler.deadline.EngineSettings;
import io.keepline.scheduler.engine.Fixtures;
import io.keepline.scheduler.engine.SchedulerTopology;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The read API's routing: forwarded to the owning instance, answered locally otherwise.
 */
class LineControllerTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final String ORANGE = "Bearer orange-test-key-1";

	private final KafkaStreams streams = mock(KafkaStreams.class);

	private final ReadOnlyKeyValueStore<Msisdn, LineState> store = mock();

	private final LineForwarder forwarder = mock(LineForwarder.class);

	private LineController controller;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void setUp() {
		StreamsBuilderFactoryBean factory = mock(StreamsBuilderFactoryBean.class);
		given(factory.getKafkaStreams()).willReturn(this.streams);
		given(this.streams.state()).willReturn(KafkaStreams.State.RUNNING);
		given(this.streams.store(any(StoreQueryParameters.class))).willReturn(this.store);
		SchedulerSettings settings = new SchedulerSettings(LocalTime.of(10, 0), LocalTime.of(9, 0), LocalTime.of(21, 0),
				List.of(3, 2, 1), Duration.ofMillis(250), 1_000, Duration.ofMillis(200), "scheduler", Path.of("."), 1,
				"me:8082", DataSize.ofMegabytes(256));
		this.controller = new LineController(OperatorKeys.parse("orange=orange-test-key-1,base=base-test-key-1"),
				new LineLookup(factory, settings), this.forwarder);
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
		assertThat(response.getBody()).isInstanceOfSatisfying(LineView.class,
				(view) -> assertThat(view.validUntil()).isEqualTo(LocalDate.parse("2027-03-15")));
		verify(this.forwarder, never()).forward(any(), any(), any());
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
		assertThat(this.controller.line(LINE.value(), ORANGE, null).getStatusCode())
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
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
