package io.keepline.notifier.message;

import java.util.UUID;

import io.keepline.contracts.Channel;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.samples.EventSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class NoticePlannerTest {

	private final NoticePlanner planner = new NoticePlanner();

	@Test
	void plansForEveryDeadlineEventType() {
		assertThat(EventSamples.everyPermitted(DeadlineEvent.class)).isNotEmpty()
			.allSatisfy((event) -> assertThatCode(() -> this.planner.plan(event)).as(event.getClass().getSimpleName())
				.doesNotThrowAnyException());
	}

	@Test
	void givesAnOperatorsResendANotificationIdOfItsOwnTheSameForTheSameEvent() {
		ReminderDue scheduled = EventSamples.everyPermitted(DeadlineEvent.class)
			.stream()
			.filter(ReminderDue.class::isInstance)
			.map(ReminderDue.class::cast)
			.findFirst()
			.orElseThrow();
		ReminderDue resent = resend(scheduled, UUID.randomUUID());

		String first = this.planner.plan(scheduled).orElseThrow().legacyNotificationId(Channel.EMAIL);
		String again = this.planner.plan(resent).orElseThrow().legacyNotificationId(Channel.EMAIL);

		assertThat(again).isNotEqualTo(first).startsWith(first.substring(0, first.lastIndexOf(':')));
		assertThat(this.planner.plan(resent).orElseThrow().notificationId(Channel.EMAIL))
			.isNotEqualTo(this.planner.plan(scheduled).orElseThrow().notificationId(Channel.EMAIL));
		assertThat(
				this.planner.plan(resend(resent, resent.eventId())).orElseThrow().legacyNotificationId(Channel.EMAIL))
			.isEqualTo(again);
		assertThat(
				this.planner.plan(resend(resent, UUID.randomUUID())).orElseThrow().legacyNotificationId(Channel.EMAIL))
			.isNotEqualTo(again);
	}

	private static ReminderDue resend(ReminderDue due, UUID id) {
		return new ReminderDue(id, due.occurredAt(), due.msisdn(), due.operator(), due.validUntil(), due.stage(),
				due.dueAt(), ReminderTrigger.RESEND, due.holder(), due.price(), due.plannedCharge(), due.failure());
	}

}
