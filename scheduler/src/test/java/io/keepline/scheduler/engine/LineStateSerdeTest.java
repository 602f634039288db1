package io.keepline.scheduler.engine;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineOwner;
import io.keepline.scheduler.deadline.Cycle;
import io.keepline.scheduler.deadline.DueEntry;
import io.keepline.scheduler.deadline.DueKind;
import io.keepline.scheduler.deadline.EngineSettings;
import io.keepline.scheduler.deadline.LineRules;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.scheduler.deadline.LineStatus;
import io.keepline.scheduler.deadline.Milestone;
import io.keepline.scheduler.deadline.Milestone.Kind;
import io.keepline.scheduler.deadline.PaidCycle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The line store's values: what is written (the binary form) reads back, and states
 * stored by earlier versions as JSON (without an owner, with milestones as short codes,
 * or typed) read back as they meant.
 */
class LineStateSerdeTest {

	/**
	 * A paid cycle with an automatic charge that failed once, as the serde wrote it when
	 * milestones were stored as short codes.
	 */
	private static final String STORED_WITH_CODES = """
			{"msisdn":"+32470123456","operator":"orange","owner":{"operator":"orange","released":false},\
			"plan":"orange-prepaid-15","price":{"amountCents":1500,"currency":"EUR"},\
			"holder":{"name":"Li Wei","email":"li@example.com","locale":"en","timeZone":"Europe/Brussels"},\
			"leadDays":[30,14,7,1],"autoRenew":true,"paymentMethod":{"customerId":"cus_1","paymentMethodId":"pm_1",\
			"brand":"visa","last4":"4242","expMonth":12,"expYear":2030},"registeredAt":"2027-03-02T12:00:00Z",\
			"profileAt":"2027-03-02T12:00:00Z","cycle":{"validUntil":"2027-03-15",\
			"done":["X30","R14","R7","A1","F1","C"],"paymentIntentId":"pi_1",\
			"paidAmount":{"amountCents":1500,"currency":"EUR"},"failures":1,"lastFailure":{"reason":"card_declined",\
			"declineCode":"insufficient_funds","attempt":1},"autoRenewStopped":false},"paidCycles":[],\
			"seen":["190c208d-e26a-4aff-95b7-047b2ebb116a","1e640c13-afe6-4e6b-9ba3-b6c604433abb",\
			"c207db36-c0c5-4406-ba0d-b0c415676592","d0d177a9-0a0e-441e-a754-5b92df73a317"],"planned":[],\
			"history":["2027-03-02T12:00:00Z LineRegistered 2027-03-15","2027-03-02T12:00:00Z PaymentMethodSaved",\
			"2027-03-02T12:00:00Z ReminderDue R14","2027-03-08T09:00:00Z ReminderDue R7",\
			"2027-03-12T09:00:00Z AutoRenewalDue A1","2027-03-12T09:00:00Z PaymentFailed attempt 1 card_declined",\
			"2027-03-12T09:00:00Z ReminderDue F1","2027-03-12T09:00:00Z RenewalConfirmed 2027-03-15"]}""";

	/**
	 * A lapsed cycle, as the serde wrote it when milestones were stored as short codes.
	 */
	private static final String LAPSED_WITH_CODES = """
			{"msisdn":"+32470123457","operator":"orange","owner":{"operator":"orange","released":false},\
			"plan":"orange-prepaid-15","price":{"amountCents":1500,"currency":"EUR"},\
			"holder":{"name":"Li Wei","email":"li@example.com","locale":"en","timeZone":"Europe/Brussels"},\
			"autoRenew":false,"registeredAt":"2027-03-05T12:00:00Z","profileAt":"2027-03-05T12:00:00Z",\
			"cycle":{"validUntil":"2027-03-15","done":["R30","R7","R1","L0"],"failures":0,"autoRenewStopped":false},\
			"paidCycles":[],"seen":["4cb4ec3f-2bc7-4d0e-8c85-109dcc0d55b1"],"planned":[],\
			"history":["2027-03-05T12:00:00Z LineRegistered 2027-03-15","2027-03-05T12:00:00Z ReminderDue R30",\
			"2027-03-08T09:00:00Z ReminderDue R7","2027-03-14T09:00:00Z ReminderDue R1",\
			"2027-03-15T23:00:00Z LineLapsed L0"]}""";

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

	private final LineStateSerde serde = new LineStateSerde();

	private final LineRules rules = new LineRules(EngineSettings.defaults());

	@Test
	void readsBackWhatItWrote() {
		LineState state = registered();

		assertThat(this.serde.deserialize("t", this.serde.serialize("t", state))).isEqualTo(state);
	}

	@Test
	void givesAStateStoredBeforeOwnershipWasKeptToTheOperatorThatRegisteredIt() {
		LineState active = registered();
		LineState cancelled = this.rules.apply(active, LINE, Fixtures.cancelled(LINE, NOW.plusSeconds(1)), NOW).state();

		assertThat(this.serde.deserialize("t", withoutOwner(active)).owner()).isEqualTo(LineOwner.of(Fixtures.ORANGE));
		assertThat(this.serde.deserialize("t", withoutOwner(cancelled)).owner())
			.isEqualTo(LineOwner.of(Fixtures.ORANGE).release());
	}

	@Test
	void readsMilestonesStoredAsCodesAsTypedMilestones() {
		LineState paid = this.serde.deserialize("t", STORED_WITH_CODES.getBytes(StandardCharsets.UTF_8));
		LineState lapsed = this.serde.deserialize("t", LAPSED_WITH_CODES.getBytes(StandardCharsets.UTF_8));

		assertThat(paid.cycle().done()).containsExactly(Milestone.skippedReminder(30),
				new Milestone(Kind.REMINDER, 14, false), new Milestone(Kind.REMINDER, 7, false),
				new Milestone(Kind.AUTO_RENEWAL, 1, false), new Milestone(Kind.FAILURE_REMINDER, 1, false),
				Milestone.CONFIRMED);
		assertThat(paid.status()).isEqualTo(LineStatus.RENEWED);
		assertThat(lapsed.cycle().done()).containsExactly(new Milestone(Kind.REMINDER, 30, false),
				new Milestone(Kind.REMINDER, 7, false), new Milestone(Kind.REMINDER, 1, false),
				new Milestone(Kind.LAPSE, 0, false));
		assertThat(lapsed.status()).isEqualTo(LineStatus.LAPSED);
	}

	@Test
	void rewritesMilestonesStoredAsCodesInTheTypedForm() {
		LineState stored = this.serde.deserialize("t", STORED_WITH_CODES.getBytes(StandardCharsets.UTF_8));
		byte[] rewritten = this.serde.serialize("t", stored);

		assertThat(rewritten[0]).isEqualTo(LineStateCodec.VERSION_3);
		assertThat(this.serde.deserialize("t", rewritten)).isEqualTo(stored);
		assertThat(this.serde.deserialize("t", rewritten).cycle().done()).contains(Milestone.skippedReminder(30),
				Milestone.CONFIRMED);
	}

	@Test
	void readsBackEveryFieldOfAFullStateInTheBinaryForm() {
		LineState full = this.serde.deserialize("t", STORED_WITH_CODES.getBytes(StandardCharsets.UTF_8));
		Holder holder = new Holder("Li Wei", "li@example.com", Msisdn.of("+32470123499"),
				URI.create("https://hooks.example.com/holder"), HolderLocale.ZH, ZoneId.of("Asia/Shanghai"));
		LineState richer = new LineState(full.msisdn(), full.operator(), full.owner(), full.plan(), full.price(),
				holder, full.leadDays(), full.autoRenew(), full.paymentMethod(), full.registeredAt(),
				Instant.parse("2027-03-02T12:00:00.123456789Z"), Instant.parse("2027-03-13T08:00:00Z"),
				new Cycle(full.cycle().validUntil(), full.cycle().done(), full.cycle().paymentIntentId(),
						full.cycle().paidAmount(), full.cycle().failures(), full.cycle().lastFailure(),
						full.cycle().autoRenewStopped(), "pi_pending", Instant.parse("2027-03-12T09:00:00Z")),
				List.of(new PaidCycle(LocalDate.parse("2027-02-15"), "pi_0"),
						new PaidCycle(LocalDate.parse("2027-01-15"), null)),
				full.seen(), List.of(new DueEntry(1_800_000_000_000L, DueKind.REMINDER, 7, ReminderTrigger.CATCH_UP),
						new DueEntry(1_800_000_500_000L, DueKind.LAPSE, 0, null)),
				full.history());
		byte[] binary = this.serde.serialize("t", richer);

		assertThat(this.serde.deserialize("t", binary)).isEqualTo(richer);
		assertThat(binary.length).isLessThan(EventJson.write(richer, LineState.class).length);
	}

	@Test
	void readsBackAStateWithoutItsOptionalFields() {
		LineState stub = this.rules.apply(null, LINE, Fixtures.extended(LINE, LocalDate.parse("2027-06-30"), NOW), NOW)
			.state();

		assertThat(stub.registered()).isFalse();
		assertThat(this.serde.deserialize("t", this.serde.serialize("t", stub))).isEqualTo(stub);
	}

	@Test
	void readsAStateStoredAsJsonByEarlierVersionsAndWritesItBackInTheBinaryForm() {
		LineState state = registered();
		byte[] json = EventJson.write(state, LineState.class);

		LineState read = this.serde.deserialize("t", json);

		assertThat(json[0]).isEqualTo((byte) '{');
		assertThat(read).isEqualTo(state);
		assertThat(this.serde.serialize("t", read)[0]).isEqualTo(LineStateCodec.VERSION_3);
	}

	@Test
	void readsAVersionOneValueWrittenBeforeCyclesHadAPendingPayment() {
		LineState state = registered();
		byte[] binary = this.serde.serialize("t", state);
		// version 1 is version 3 without the trailing pending intent and pause (two
		// absent
		// flags)
		byte[] versionOne = Arrays.copyOf(binary, binary.length - 2);
		versionOne[0] = LineStateCodec.VERSION_1;

		assertThat(binary[binary.length - 1]).isZero();
		assertThat(binary[binary.length - 2]).isZero();
		assertThat(this.serde.deserialize("t", versionOne)).isEqualTo(state);
	}

	@Test
	void readsAVersionTwoValueWrittenBeforeCyclesCouldBePaused() {
		LineState state = registered();
		byte[] binary = this.serde.serialize("t", state);
		// version 2 is version 3 without the trailing pause (one absent flag)
		byte[] versionTwo = Arrays.copyOf(binary, binary.length - 1);
		versionTwo[0] = LineStateCodec.VERSION_2;

		assertThat(this.serde.deserialize("t", versionTwo)).isEqualTo(state);
	}

	@Test
	void refusesAValueInAVersionItDoesNotKnow() {
		byte[] binary = this.serde.serialize("t", registered());
		binary[0] = 9;

		assertThatThrownBy(() -> this.serde.deserialize("t", binary)).isInstanceOf(RuntimeException.class);
	}

	private byte[] withoutOwner(LineState state) {
		// as earlier versions stored it
		String json = new String(EventJson.write(state, LineState.class), StandardCharsets.UTF_8);
		String stripped = json.replaceFirst("\"owner\":\\{[^}]*\\},", "");
		assertThat(stripped).doesNotContain("\"owner\"");
		return stripped.getBytes(StandardCharsets.UTF_8);
	}

	private LineState registered() {
		return this.rules
			.apply(null, LINE, Fixtures.registered(LINE, LocalDate.parse("2027-03-15"), "Europe/Brussels", NOW), NOW)
			.state();
	}

}
