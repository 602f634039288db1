package io.keepline.standalone.console;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.contracts.topic.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogTest {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	private final EventLog log = new EventLog();

	@Test
	void listsTheLinesOfTheirRecordsWithTheLatestRecordOfEach() {
		this.log.record(record("+32470000001", LocalDate.of(2026, 5, 1), CycleState.OPEN));
		this.log.record(record("+32470000002", LocalDate.of(2026, 6, 1), CycleState.OPEN));
		this.log.record(record("+32470000001", LocalDate.of(2027, 5, 1), CycleState.RENEWED));

		assertThat(this.log.lines(null)).extracting((line) -> line.msisdn().value())
			.containsExactly("+32470000001", "+32470000002");
		assertThat(this.log.line("+32470000001")).get()
			.extracting(LineRecord::validUntil, LineRecord::cycleState)
			.containsExactly(LocalDate.of(2027, 5, 1), CycleState.RENEWED);
		assertThat(this.log.lines("0000002")).hasSize(1);
	}

	@Test
	void aTombstoneForgetsTheLineItsTimelineItsRecentEntriesAndTellsTheOutboxes() {
		String erased = "+32470000003";
		String kept = "+32470000004";
		List<LineRecord> forgotten = new ArrayList<>();
		this.log.onErasure(forgotten::add);
		this.log.record(record(erased, LocalDate.of(2026, 5, 1), CycleState.OPEN));
		this.log.record(record(kept, LocalDate.of(2026, 5, 1), CycleState.OPEN));
		this.log.add(entry(erased, T0, extended(erased)));
		this.log.add(entry(erased, T0.plusSeconds(1), payment()));
		this.log.add(entry(kept, T0.plusSeconds(2), extended(kept)));

		this.log.erase(erased, T0.plusSeconds(10));

		assertThat(this.log.line(erased)).isEmpty();
		assertThat(this.log.lines(null)).extracting((line) -> line.msisdn().value()).containsExactly(kept);
		assertThat(this.log.timeline(erased)).isEmpty();
		assertThat(this.log.recent(100)).extracting(TimelineEntry::msisdn).containsOnly(kept);
		assertThat(this.log.payments()).isEmpty();
		assertThat(forgotten).extracting((line) -> line.msisdn().value()).containsExactly(erased);
		assertThat(forgotten.get(0).holder().email()).isEqualTo("holder@example.com");
	}

	@Test
	void keepsNoEventOfAnErasedLineReadAfterItsTombstoneButTakesTheNextHoldersEvents() {
		String msisdn = "+32470000005";
		this.log.erase(msisdn, T0.plusSeconds(10));

		this.log.add(entry(msisdn, T0, extended(msisdn)));
		this.log.add(entry(msisdn, T0.plusSeconds(5),
				new LineErased(UUID.randomUUID(), T0.plusSeconds(5), Msisdn.of(msisdn), OperatorId.of("orange"))));
		assertThat(this.log.timeline(msisdn)).isEmpty();
		assertThat(this.log.recent(100)).isEmpty();

		this.log.add(entry(msisdn, T0.plusSeconds(60), extended(msisdn)));
		this.log.record(record(msisdn, LocalDate.of(2026, 9, 1), CycleState.OPEN));
		assertThat(this.log.timeline(msisdn)).hasSize(1);
		assertThat(this.log.line(msisdn)).isPresent();
	}

	static LineRecord record(String msisdn, LocalDate validUntil, CycleState state) {
		return new LineRecord(Msisdn.of(msisdn), OperatorId.of("orange"), "orange-prepaid-15", validUntil, state,
				Money.of(1500, "EUR"), AutoRenewal.OFF,
				new Holder("Test Holder", "holder@example.com", Msisdn.of("+32470999999"),
						URI.create("http://localhost/outbox/webhooks/1"), HolderLocale.EN,
						ZoneId.of("Europe/Brussels")),
				T0, T0);
	}

	private static ValidityExtended extended(String msisdn) {
		return new ValidityExtended(UUID.randomUUID(), T0, Msisdn.of(msisdn), OperatorId.of("orange"),
				LocalDate.of(2026, 5, 1));
	}

	private static PaymentEvent payment() {
		return EventSamples.everyPermitted(PaymentEvent.class).get(0);
	}

	private static TimelineEntry entry(String msisdn, Instant at, KeeplineEvent event) {
		return new TimelineEntry(at, Topics.LINE_EVENTS.name(), 0, 0, msisdn, event.getClass().getSimpleName(), "",
				event);
	}

}
