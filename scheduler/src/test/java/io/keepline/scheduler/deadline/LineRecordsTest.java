package io.keepline.scheduler.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.scheduler.engine.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping from the scheduler's line state to the published line record. */
class LineRecordsTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant NOW = Instant.parse("2027-01-01T09:00:00Z");

	private final LineRules rules = new LineRules(EngineSettings.defaults());

	@Test
	void hasNoRecordForAStubOrNoState() {
		LineState stub = this.rules.apply(null, LINE, Fixtures.extended(LINE, LocalDate.parse("2027-06-30"), NOW), NOW)
			.state();
		assertThat(stub.registered()).isFalse();
		assertThat(LineRecords.of(stub, NOW)).isNull();
		assertThat(LineRecords.of(null, NOW)).isNull();
		assertThat(LineRecords.changed(null, stub)).isFalse();
	}

	@Test
	void seesAChangeOnlyInWhatTheRecordHolds() {
		LineState line = registered();
		LineState leadDaysOnly = this.rules
			.apply(line, LINE, Fixtures.updated(LINE, null, List.of(3), null, NOW.plusSeconds(60)), NOW.plusSeconds(60))
			.state();
		assertThat(leadDaysOnly.history()).hasSizeGreaterThan(line.history().size());
		assertThat(LineRecords.changed(line, leadDaysOnly)).isFalse();
		assertThat(LineRecords.changed(line, null)).isTrue();
		assertThat(LineRecords.changed(null, line)).isTrue();
	}

	@Test
	void keepsTheBrandAndLastDigitsAMethodLacksBlank() {
		PaymentMethodRef sepa = new PaymentMethodRef("cus_1", "pm_sepa", "sepa_debit", null, 0, 0);
		LineState line = this.rules
			.apply(registered(), LINE,
					new PaymentMethodSaved(UUID.randomUUID(), NOW, LINE, sepa, "seti_2", "evt_seti_2"), NOW)
			.state();
		assertThat(LineRecords.of(line, NOW).autoRenewal().method()).isEqualTo(new SavedMethod("sepa_debit", "", 0, 0));
		assertThat(LineRecords.of(line, NOW).autoRenewal().holderOptedIn()).isTrue();
	}

	private LineState registered() {
		return this.rules
			.apply(null, LINE, Fixtures.registered(LINE, LocalDate.parse("2027-03-15"), "Europe/Brussels", NOW), NOW)
			.state();
	}

}
