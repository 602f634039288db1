package io.keepline.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.ingest.validation.LineEventValidator;
import io.keepline.ingest.validation.OwnersUnavailableException;
import io.keepline.ingest.validation.Samples;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BatchIngestorTest {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	static final OperatorId ORANGE = OperatorId.of("orange");

	final RecordingPublisher publisher = new RecordingPublisher();

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final KnownOwners owners = new KnownOwners();

	final BatchIngestor ingestor = new BatchIngestor(new LineEventValidator(this.owners), this.publisher,
			new IngestMetrics(this.registry), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void publishesValidItemsAndRejectionsTogetherInInputOrder() {
		ObjectNode bad = Samples.lineErased().put("msisdn", "+3212345678");

		IngestResult result = this.ingestor.ingest(IngestSource.HTTP, List.of(item(Samples.lineCancelled(), "index 0"),
				item(bad, "index 1"), item(Samples.lineErased(), "index 2")));

		assertThat(result.accepted()).isEqualTo(2);
		assertThat(result.verdicts()).extracting((v) -> v.isAccepted()).containsExactly(true, false, true);
		assertThat(this.publisher.acceptedBatches).hasSize(1);
		EventRejected rejected = this.publisher.rejected.get(0);
		assertThat(rejected.occurredAt()).isEqualTo(NOW);
		assertThat(rejected.errors()).containsExactly(new FieldError("msisdn", "not_mobile"));
		assertThat(rejected.payload()).isEqualTo(bad.toString());
	}

	@Test
	void rejectsAnItemThatCouldNotBeReadWithItsReason() {
		IngestItem unreadable = IngestItem.unreadable(ORANGE, "t-0@1", "{oops", new FieldError("$", "malformed_json"));

		IngestResult result = this.ingestor.ingest(IngestSource.KAFKA, List.of(unreadable));

		assertThat(result.rejected()).isEqualTo(1);
		assertThat(this.publisher.rejected.get(0).payload()).isEqualTo("{oops");
		assertThat(this.publisher.rejected.get(0).location()).isEqualTo("t-0@1");
	}

	@Test
	void keepsHugePayloadsOfRejectionsBounded() {
		String huge = "x".repeat(200_000);
		IngestItem unreadable = IngestItem.unreadable(ORANGE, "t-0@1", huge, new FieldError("$", "malformed_json"));

		this.ingestor.ingest(IngestSource.KAFKA, List.of(unreadable));

		assertThat(this.publisher.rejected.get(0).payload()).hasSizeLessThan(70_000).endsWith("[truncated]");
	}

	@Test
	void countsNothingWhenKafkaDidNotTakeTheBatch() {
		this.publisher.failAfter(0);

		assertThatExceptionOfType(BatchNotPublishedException.class)
			.isThrownBy(() -> this.ingestor.ingest(IngestSource.HTTP, List.of(item(Samples.lineErased(), "index 0"))));
		assertThat(this.registry.find("keepline.ingest.events").counters()).isEmpty();
	}

	@Test
	void countsEveryReasonOfARejectedItem() {
		ObjectNode bad = Samples.lineErased().put("msisdn", "+3212345678").put("operator", "base");

		this.ingestor.ingest(IngestSource.CSV, List.of(item(bad, "line 2")));

		assertThat(this.registry.get("keepline.ingest.rejections").tag("reason", "not_mobile").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("keepline.ingest.rejections")
			.tag("reason", "operator_mismatch")
			.tag("source", "csv")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void refusesAnItemForAnotherOperatorsLineWithoutSinkingTheOthers() {
		this.owners.owned("+32470123456", "proximus");
		ObjectNode ownLine = Samples.lineErased().put("msisdn", "+32470123457");

		IngestResult result = this.ingestor.ingest(IngestSource.HTTP,
				List.of(item(Samples.lineCancelled(), "index 0"), item(ownLine, "index 1")));

		assertThat(result.accepted()).isEqualTo(1);
		assertThat(this.publisher.accepted()).extracting((event) -> event.msisdn().value())
			.containsExactly("+32470123457");
		assertThat(this.publisher.rejected).singleElement()
			.satisfies((rejected) -> assertThat(rejected.errors())
				.containsExactly(new FieldError("msisdn", "line_of_another_operator")));
		assertThat(this.registry.get("keepline.ingest.rejections")
			.tag("reason", "line_of_another_operator")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void publishesNothingOfABatchWhileLineOwnersAreUnknown() {
		this.owners.available(false);

		assertThatExceptionOfType(OwnersUnavailableException.class)
			.isThrownBy(() -> this.ingestor.ingest(IngestSource.HTTP, List.of(item(Samples.lineErased(), "index 0"))));
		assertThat(this.publisher.acceptedBatches).isEmpty();
		assertThat(this.publisher.rejected).isEmpty();
		assertThat(this.registry.find("keepline.ingest.events").counters()).isEmpty();
	}

	static IngestItem item(ObjectNode json, String location) {
		return IngestItem.of(ORANGE, location, json);
	}

}
