package io.keepline.reliability.scope;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineOwner;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.contracts.rejected.RejectedEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.ownership.OwnershipView;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ServiceRun;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #7: operator A's key on operator B's line is refused, by ingest and by the read
 * API. Orange registers lines through a real ingest and scheduler; proximus's key then
 * tries every event type on them over the JSON batch, CSV and the raw Kafka topic, and
 * reads them. Every attempt must be refused with its reason, nothing of proximus may
 * reach line-events, the scheduler's view of the lines must not change, orange's own
 * later events must still work, and a missing or wrong key gets 401.
 */
@RealKafka
class OperatorScopeTest {

	private static final Scale SCALE = Scale.current();

	private static final int LINES = SCALE.pick(4, 200);

	private static final int RACES = SCALE.pick(4, 100);

	private static final OperatorId ORANGE = OperatorId.of("orange");

	private static final OperatorId PROXIMUS = OperatorId.of("proximus");

	private static final String ORANGE_KEY = "reliability-orange-key";

	private static final String PROXIMUS_KEY = "reliability-proximus-key";

	private static final FieldError REFUSED = new FieldError("msisdn", "line_of_another_operator");

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final LocalDate VALID_UNTIL = LocalDate.now(ZoneOffset.UTC).plusDays(120);

	private static Path schedulerState;

	private static ServiceRun ingest;

	private static ServiceRun scheduler;

	private static OperatorApis apis;

	private static TopicProbe<Msisdn, LineEvent> lineEvents;

	private static TopicProbe<OperatorId, RejectedEvent> rejectedEvents;

	/** Starts ingest and the scheduler side by side, as the standalone does. */
	@BeforeAll
	static void start(KafkaCluster cluster) throws IOException {
		cluster.createTopics(Topics.LINE_EVENTS, Topics.REJECTED_EVENTS, Topics.operatorEventsRaw(PROXIMUS),
				Topics.PAYMENT_EVENTS, Topics.DEADLINE_EVENTS);
		lineEvents = TopicProbe.of(cluster, Topics.LINE_EVENTS);
		rejectedEvents = TopicProbe.of(cluster, Topics.REJECTED_EVENTS);
		schedulerState = Files.createTempDirectory("keepline-reliability-scope");
		CompletableFuture<ServiceRun> startingScheduler = CompletableFuture
			.supplyAsync(() -> ServiceRun.scheduler(cluster.bootstrapServers(), schedulerState, Map.of()));
		ingest = ServiceRun.ingest(cluster.bootstrapServers(), Map.of());
		scheduler = startingScheduler.join();
		apis = new OperatorApis(ingest, scheduler);
	}

	@AfterAll
	static void stop() {
		lineEvents.close();
		rejectedEvents.close();
		scheduler.close();
		ingest.close();
		FileSystemUtils.deleteRecursively(schedulerState.toFile());
	}

	@Test
	void refusesEveryAttemptOnAnotherOperatorsLinesAndLeavesThemAsTheyWere(KafkaCluster cluster) {
		List<Msisdn> lines = IntStream.range(0, LINES).mapToObj((i) -> Unique.msisdn()).toList();
		assertThat(apis.postAll(ORANGE_KEY,
				lines.stream().map((line) -> OperatorEvents.registered(line, ORANGE, VALID_UNTIL)).toList()))
			.isEqualTo(LINES);
		Map<Msisdn, String> before = awaitScheduled(lines, VALID_UNTIL);
		await("ingest knows orange owns the lines").atMost(PATIENCE)
			.until(() -> lines.stream().allMatch((line) -> LineOwner.of(ORANGE).equals(owners().owner(line))));

		List<LineEvent> overJson = attempts(lines);
		List<LineEvent> overCsv = attempts(lines);
		List<LineEvent> overKafka = attempts(lines);
		int refusedOverJson = apis.refusedOverJson(PROXIMUS_KEY, overJson, REFUSED);
		int refusedOverCsv = apis.refusedOverCsv(PROXIMUS_KEY, overCsv, REFUSED);
		OperatorApis.publishRaw(cluster, PROXIMUS, overKafka);
		int forbiddenReads = (int) lines.stream()
			.filter((line) -> apis.line(PROXIMUS_KEY, line).statusCode() == 403)
			.count();
		Map<IngestSource, Integer> rejections = awaitRejections(overJson, overCsv, overKafka);
		await("nothing of proximus reaching line-events").during(Duration.ofSeconds(2))
			.atMost(PATIENCE)
			.until(() -> proximusEventsOn(lines) == 0);
		int proximusOnLineEvents = proximusEventsOn(lines);
		Map<Msisdn, String> after = views(lines);
		int unchanged = (int) lines.stream().filter((line) -> before.get(line).equals(after.get(line))).count();
		int unauthorised = unauthorisedAttempts(lines.get(0));
		int ownerEventsAccepted = ownerExtendsItsLines(lines);
		int ported = aCancelledLineIsPortedToProximus(lines.get(0));

		int attempts = overJson.size() + overCsv.size() + overKafka.size();
		assertThat(refusedOverJson).isEqualTo(overJson.size());
		assertThat(refusedOverCsv).isEqualTo(overCsv.size());
		assertThat(rejections).containsEntry(IngestSource.HTTP, overJson.size())
			.containsEntry(IngestSource.CSV, overCsv.size())
			.containsEntry(IngestSource.KAFKA, overKafka.size());
		assertThat(proximusOnLineEvents).isZero();
		assertThat(forbiddenReads).isEqualTo(LINES);
		assertThat(unchanged).isEqualTo(LINES);
		assertThat(unauthorised).isEqualTo(UnauthorisedCalls.COUNT);
		assertThat(ownerEventsAccepted).isEqualTo(LINES);
		assertThat(ported).isOne();
		ReliabilityReport.of("operator-scope")
			.count("lines", LINES)
			.count("attempts", attempts)
			.count("refused-json", refusedOverJson)
			.count("refused-csv", refusedOverCsv)
			.count("refused-kafka", rejections.get(IngestSource.KAFKA))
			.count("rejected-events", rejections.values().stream().mapToInt(Integer::intValue).sum())
			.count("proximus-events-on-line-events", proximusOnLineEvents)
			.count("reads-403", forbiddenReads)
			.count("scheduler-views-unchanged", unchanged)
			.count("unknown-or-missing-key-401", unauthorised)
			.count("owner-extensions-applied", ownerEventsAccepted)
			.count("ports-after-cancel", ported)
			.write();
	}

	/**
	 * Proximus registers each number right after orange did, before ingest's view may
	 * have caught up: whether ingest refuses it or lets it through, the scheduler, which
	 * sees both in order, keeps orange's registration.
	 */
	@Test
	void keepsTheFirstOwnerWhenAnotherOperatorRegistersTheSameNumberAtOnce() {
		List<Msisdn> lines = IntStream.range(0, RACES).mapToObj((i) -> Unique.msisdn()).toList();
		int refusedByIngest = 0;
		Set<UUID> letThrough = new HashSet<>();
		for (Msisdn line : lines) {
			assertThat(apis.postAll(ORANGE_KEY, List.of(OperatorEvents.registered(line, ORANGE, VALID_UNTIL)))).isOne();
			LineEvent second = OperatorEvents.registered(line, PROXIMUS, VALID_UNTIL.plusDays(30));
			JsonNode answer = OperatorApis.body(apis.postJson(PROXIMUS_KEY, OperatorEvents.json(List.of(second))));
			if (answer.get("accepted").intValue() == 1) {
				letThrough.add(second.eventId());
			}
			else if (OperatorApis.onlyError(answer.at("/results/0/errors"), REFUSED)) {
				refusedByIngest++;
			}
		}
		await("proximus's registrations that ingest let through on line-events").atMost(PATIENCE)
			.until(() -> recordsOf(lines).stream().filter((event) -> letThrough.contains(event.eventId())).count(),
					(count) -> count == letThrough.size());
		Map<Msisdn, String> views = awaitScheduled(lines, VALID_UNTIL);
		await("the scheduler keeping orange's registrations").during(Duration.ofSeconds(2))
			.atMost(PATIENCE)
			.until(() -> views(lines).equals(views));
		int keptByScheduler = (int) views.values()
			.stream()
			.filter((view) -> view.contains("\"operator\":\"orange\""))
			.count();
		int forbiddenReads = (int) lines.stream()
			.filter((line) -> apis.line(PROXIMUS_KEY, line).statusCode() == 403)
			.count();
		int keptByIngest = (int) lines.stream()
			.filter((line) -> LineOwner.of(ORANGE).equals(owners().owner(line)))
			.count();

		assertThat(refusedByIngest + letThrough.size()).isEqualTo(RACES);
		assertThat(keptByScheduler).isEqualTo(RACES);
		assertThat(forbiddenReads).isEqualTo(RACES);
		assertThat(keptByIngest).isEqualTo(RACES);
		ReliabilityReport.of("operator-scope-race")
			.count("races", RACES)
			.count("refused-by-ingest", refusedByIngest)
			.count("let-through-then-ignored-by-scheduler", letThrough.size())
			.count("scheduler-kept-first-owner", keptByScheduler)
			.count("ingest-view-kept-first-owner", keptByIngest)
			.count("reads-403", forbiddenReads)
			.write();
	}

	/** One event of each type from proximus for each line. */
	private static List<LineEvent> attempts(List<Msisdn> lines) {
		List<LineEvent> events = new ArrayList<>();
		lines.forEach((line) -> events.addAll(OperatorEvents.everyType(line, PROXIMUS, VALID_UNTIL.plusDays(30))));
		return events;
	}

	/**
	 * Waits for one rejected-events record per attempt, each from proximus with the
	 * ownership reason only; returns how many came by each path.
	 */
	private static Map<IngestSource, Integer> awaitRejections(List<LineEvent> overJson, List<LineEvent> overCsv,
			List<LineEvent> overKafka) {
		Set<String> ids = new HashSet<>();
		for (List<LineEvent> events : List.of(overJson, overCsv, overKafka)) {
			events.forEach((event) -> ids.add(event.eventId().toString()));
		}
		List<EventRejected> rejections = await("a rejection for each of the " + ids.size() + " attempts")
			.atMost(PATIENCE)
			.until(() -> rejectedEvents.values(EventRejected.class)
				.stream()
				.filter((rejected) -> ids.contains(rejected.originalEventId()))
				.toList(), (found) -> found.size() >= ids.size());
		assertThat(rejections).hasSize(ids.size())
			.allSatisfy((rejected) -> assertThat(rejected.operator()).isEqualTo(PROXIMUS))
			.allSatisfy((rejected) -> assertThat(rejected.errors()).containsExactly(REFUSED));
		Map<IngestSource, Integer> bySource = new LinkedHashMap<>();
		rejections.forEach((rejected) -> bySource.merge(rejected.source(), 1, Integer::sum));
		return bySource;
	}

	/**
	 * Requests without a key or with a wrong one, on every operator endpoint: 401 each.
	 */
	private static int unauthorisedAttempts(Msisdn line) {
		return (int) UnauthorisedCalls.of(apis, line).stream().filter((answer) -> answer.statusCode() == 401).count();
	}

	/** Orange extends every line; returns how many extensions the scheduler applied. */
	private static int ownerExtendsItsLines(List<Msisdn> lines) {
		LocalDate extended = VALID_UNTIL.plusDays(60);
		int accepted = apis.postAll(ORANGE_KEY,
				lines.stream().map((line) -> OperatorEvents.extended(line, ORANGE, extended)).toList());
		awaitScheduled(lines, extended);
		return accepted;
	}

	/**
	 * Orange cancels a line, which releases it; proximus may then register it (a ported
	 * number) and owns it: proximus reads it, orange no longer does. Returns how many
	 * ports ingest accepted.
	 */
	private static int aCancelledLineIsPortedToProximus(Msisdn line) {
		assertThat(apis.postAll(ORANGE_KEY, List.of(OperatorEvents.cancelled(line, ORANGE)))).isOne();
		await("ingest seeing the cancellation").atMost(PATIENCE)
			.until(() -> LineOwner.of(ORANGE).release().equals(owners().owner(line)));
		LocalDate portedUntil = VALID_UNTIL.plusDays(10);
		int accepted = apis.postAll(PROXIMUS_KEY, List.of(OperatorEvents.registered(line, PROXIMUS, portedUntil)));
		JsonNode ported = await("the scheduler giving the line to proximus").atMost(PATIENCE)
			.until(() -> OperatorApis.body(apis.line(PROXIMUS_KEY, line)), (view) -> view != null);
		assertThat(ported.get("operator").asString()).isEqualTo(PROXIMUS.value());
		assertThat(ported.get("validUntil").asString()).isEqualTo(portedUntil.toString());
		assertThat(apis.line(ORANGE_KEY, line).statusCode()).isEqualTo(403);
		return accepted;
	}

	/**
	 * Waits until orange sees every line valid until {@code validUntil} in the scheduler;
	 * returns the views.
	 */
	private static Map<Msisdn, String> awaitScheduled(List<Msisdn> lines, LocalDate validUntil) {
		await("the scheduler having the " + lines.size() + " lines until " + validUntil).atMost(PATIENCE)
			.until(() -> lines.stream().allMatch((line) -> {
				JsonNode view = OperatorApis.body(apis.line(ORANGE_KEY, line));
				return view != null && validUntil.toString().equals(view.get("validUntil").asString());
			}));
		return views(lines);
	}

	/** What orange reads of each line. */
	private static Map<Msisdn, String> views(List<Msisdn> lines) {
		Map<Msisdn, String> views = new LinkedHashMap<>();
		for (Msisdn line : lines) {
			HttpResponse<String> response = apis.line(ORANGE_KEY, line);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			views.put(line, response.body());
		}
		return views;
	}

	private static int proximusEventsOn(List<Msisdn> lines) {
		return (int) recordsOf(lines).stream().filter((event) -> event.operator().equals(PROXIMUS)).count();
	}

	private static List<LineEvent> recordsOf(List<Msisdn> lines) {
		Set<Msisdn> wanted = Set.copyOf(lines);
		return lineEvents.records()
			.stream()
			.filter((record) -> wanted.contains(record.key()))
			.map((record) -> record.value())
			.toList();
	}

	private static OwnershipView owners() {
		return ingest.bean(OwnershipView.class);
	}

}
