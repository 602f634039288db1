package io.keepline.scheduler.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.scheduler.deadline.EngineSettings;
import io.keepline.scheduler.deadline.LineRules;
import io.keepline.scheduler.deadline.LineState;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade to line records: the lines a store held before publish their record once, a
 * bounded slice per punctuation, resuming from the progress saved.
 */
class RecordBackfillTest {

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	private static final EngineSettings SLICES_OF_TWO = EngineSettings.defaults().withMaxPerPunctuation(2);

	private final LineRules rules = new LineRules(SLICES_OF_TWO);

	@Test
	void publishesEveryStoredLineOnceInBoundedSlices() {
		List<Msisdn> lines = numbers(5);
		try (EngineHarness engine = new EngineHarness(START, SLICES_OF_TWO)) {
			lines.forEach((line) -> engine.storeState(registeredLine(line)));
			engine.storeState(stub(Msisdn.of("+32470999999")));
			engine.tick();
			assertThat(engine.records()).hasSize(2);
			engine.tick().tick();
			assertThat(engine.records()).extracting(TestRecord::key).containsExactlyElementsOf(lines);
			assertThat(engine.records()).extracting(TestRecord::value).allSatisfy((record) -> {
				assertThat(record.cycleState()).isEqualTo(CycleState.OPEN);
				assertThat(record.validUntil()).isEqualTo(VALID_UNTIL);
				assertThat(record.registeredAt()).isEqualTo(START);
			});
			assertThat(engine.backfillProgress().get(RecordBackfill.DONE)).isNotNull();
			assertThat(engine.backfillProgress().get(RecordBackfill.WRITTEN)).isEqualTo("5");
			engine.storeState(registeredLine(Msisdn.of("+32470000000")));
			engine.tick().tick();
			assertThat(engine.records()).hasSize(5);
		}
	}

	@Test
	void resumesAfterTheLastLineItHandled() {
		List<Msisdn> lines = numbers(4);
		try (EngineHarness engine = new EngineHarness(START, SLICES_OF_TWO)) {
			lines.forEach((line) -> engine.storeState(registeredLine(line)));
			engine.backfillProgress().put(RecordBackfill.AFTER, lines.get(1).value());
			engine.backfillProgress().put(RecordBackfill.WRITTEN, "2");
			engine.tick().tick();
			assertThat(engine.records()).extracting(TestRecord::key).containsExactly(lines.get(2), lines.get(3));
			assertThat(engine.backfillProgress().get(RecordBackfill.WRITTEN)).isEqualTo("4");
		}
	}

	@Test
	void publishesWhatTheLineIsNowWhenItChangedBeforeItsTurn() {
		List<Msisdn> lines = numbers(3);
		try (EngineHarness engine = new EngineHarness(START, SLICES_OF_TWO)) {
			lines.forEach((line) -> engine.storeState(registeredLine(line)));
			engine.send(Fixtures.cancelled(lines.get(2), START));
			engine.tick().tick();
			List<LineRecord> last = engine.records(lines.get(2));
			assertThat(last).hasSize(2).allSatisfy((record) -> {
				assertThat(record.cycleState()).isEqualTo(CycleState.CANCELLED);
			});
			assertThat(engine.records()).hasSize(4);
		}
	}

	private LineState registeredLine(Msisdn msisdn) {
		return this.rules.apply(null, msisdn, Fixtures.registered(msisdn, VALID_UNTIL, "Europe/Brussels", START), START)
			.state();
	}

	private LineState stub(Msisdn msisdn) {
		return this.rules.apply(null, msisdn, Fixtures.extended(msisdn, LocalDate.parse("2027-06-30"), START), START)
			.state();
	}

	private static List<Msisdn> numbers(int count) {
		return IntStream.range(0, count).mapToObj((i) -> Msisdn.of("+3247012345" + i)).toList();
	}

}
