package io.keepline.notifier.message;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.format.HolderFormat;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.support.plans.Plans;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class NoticePlannerTest {

	private final NoticePlanner planner = new NoticePlanner();

	@Test
	void plansForEveryDeadlineEventTypeWithAndWithoutARecord() {
		assertThat(EventSamples.everyPermitted(DeadlineEvent.class)).isNotEmpty().allSatisfy((event) -> {
			assertThatCode(() -> this.planner.plan(event, record(event, null))).as(event.getClass().getSimpleName())
				.doesNotThrowAnyException();
			assertThatCode(() -> this.planner.plan(event, null)).as(event.getClass().getSimpleName())
				.doesNotThrowAnyException();
		});
	}

	@Test
	void addressesAReminderToTheRecordsHolderWithTheRecordsCard() {
		ReminderDue planned = sampleReminder();
		assertThat(planned.plannedCharge()).isNotNull();

		Notice notice = this.planner.plan(planned, record(planned, new SavedMethod("amex", "0005", 12, 2030)))
			.orElseThrow();

		assertThat(notice.type()).isEqualTo(MessageType.UPCOMING_CHARGE);
		assertThat(notice.holder()).isEqualTo(Fixtures.holder(HolderLocale.FR));
		assertThat(notice.card().last4()).isEqualTo("0005");
		assertThat(notice.chargeOn()).isEqualTo(planned.plannedCharge().chargeOn());
	}

	@Test
	void asksForANewCardWhenTheRecordsCardExpiresBeforeTheCharge() {
		ReminderDue planned = sampleReminder();

		Notice notice = this.planner.plan(planned, record(planned, new SavedMethod("visa", "4242", 11, 2026)))
			.orElseThrow();

		assertThat(notice.type()).isEqualTo(MessageType.UPDATE_CARD);
	}

	@Test
	void announcesNoChargeOnceTheRecordHasNoCardAndNamesNoHolderWithoutARecord() {
		ReminderDue planned = sampleReminder();

		assertThat(this.planner.plan(planned, record(planned, null)).orElseThrow().type())
			.isEqualTo(MessageType.REMINDER);
		Notice unaddressed = this.planner.plan(planned, null).orElseThrow();
		assertThat(unaddressed.holder()).isNull();
		assertThat(unaddressed.card()).isNull();
	}

	@Test
	void givesAnOperatorsResendANotificationIdOfItsOwnTheSameForTheSameEvent() {
		ReminderDue scheduled = sampleReminder();
		ReminderDue resent = resend(scheduled, UUID.randomUUID());

		String first = plan(scheduled).legacyNotificationId(Channel.EMAIL);
		String again = plan(resent).legacyNotificationId(Channel.EMAIL);

		assertThat(again).isNotEqualTo(first).startsWith(first.substring(0, first.lastIndexOf(':')));
		assertThat(plan(resent).notificationId(Channel.EMAIL))
			.isNotEqualTo(plan(scheduled).notificationId(Channel.EMAIL));
		assertThat(plan(resend(resent, resent.eventId())).legacyNotificationId(Channel.EMAIL)).isEqualTo(again);
		assertThat(plan(resend(resent, UUID.randomUUID())).legacyNotificationId(Channel.EMAIL)).isNotEqualTo(again);
	}

	@Test
	void tellsALapsedHolderWhatTheirPlanStillAllowsUntilWhenInTheirLanguage() {
		Plans plans = Plans.read(Path.of("../seeds/plans.yml"), Plans.DEFAULT_MAX_PRICE);
		NoticePlanner withPlans = new NoticePlanner(Duration.ofHours(24), plans);
		LapseNoticeDue lapsed = new LapseNoticeDue(UUID.randomUUID(), Instant.parse("2026-12-16T08:00:00Z"),
				Msisdn.of("+32470123456"), OperatorId.of("orange"), LocalDate.parse("2026-12-15"),
				Instant.parse("2026-12-15T23:00:00Z"));
		LineRecord record = record(lapsed, null);
		Plans.AfterLapse rule = plans.find(record.plan()).orElseThrow().afterLapse();
		MessageRenderer renderer = Fixtures.renderer();

		Notice notice = withPlans.plan(lapsed, record).orElseThrow();

		LocalDate grace = LocalDate.parse("2026-12-15").plusDays(rule.graceDays());
		assertThat(notice.lapse()).isEqualTo(new Notice.LapseFacts(true, grace, grace.plusDays(rule.recoveryDays())));
		assertThat(renderer.email(notice).text()).contains("jusqu’au " + HolderFormat.of(HolderLocale.FR).date(grace),
				"jusqu’au " + HolderFormat.of(HolderLocale.FR).date(grace.plusDays(rule.recoveryDays())));
		Notice unlisted = this.planner.plan(lapsed, record).orElseThrow();
		assertThat(unlisted.lapse()).isEqualTo(Notice.LapseFacts.UNKNOWN);
		assertThat(renderer.email(unlisted).text()).contains("C’est votre opérateur qui décide")
			.doesNotContain("jusqu’au " + HolderFormat.of(HolderLocale.FR).date(grace));
	}

	private Notice plan(ReminderDue due) {
		return this.planner.plan(due, record(due, null)).orElseThrow();
	}

	private static ReminderDue sampleReminder() {
		return EventSamples.everyPermitted(DeadlineEvent.class)
			.stream()
			.filter(ReminderDue.class::isInstance)
			.map(ReminderDue.class::cast)
			.findFirst()
			.orElseThrow();
	}

	/** The open record of the event's cycle, with automatic renewal on {@code card}. */
	private static LineRecord record(DeadlineEvent event, SavedMethod card) {
		AutoRenewal renewal = (card != null) ? new AutoRenewal(true, true, card) : AutoRenewal.OFF;
		return new LineRecord(event.msisdn(), event.operator(), "orange-prepaid-15", event.validUntil(),
				CycleState.OPEN, Fixtures.PRICE, renewal, Fixtures.holder(HolderLocale.FR),
				Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
	}

	private static ReminderDue resend(ReminderDue due, UUID id) {
		return new ReminderDue(id, due.occurredAt(), due.msisdn(), due.operator(), due.validUntil(), due.stage(),
				due.dueAt(), ReminderTrigger.RESEND, due.price(), due.plannedCharge(), due.failure());
	}

}
