package io.keepline.notifier.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.keepline.contracts.Channel;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.notifier.channel.ChannelSenders;
import io.keepline.notifier.email.EmailMessage;
import io.keepline.notifier.message.Links;
import io.keepline.notifier.message.MessageRenderer;
import io.keepline.notifier.message.Messages;
import io.keepline.notifier.message.NoticePlanner;
import io.keepline.notifier.sms.SmsMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestsTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-24T09:00:00Z"), ZoneOffset.UTC);

	private static final LocalDate VALID_UNTIL = LocalDate.of(2026, 12, 31);

	private final List<NotificationEvent> recorded = new ArrayList<>();

	private final List<EmailMessage> emails = new ArrayList<>();

	private final List<SmsMessage> texts = new ArrayList<>();

	private final SentLog sentLog = new SentLog();

	private final Map<Msisdn, LineRecord> lines = new HashMap<>();

	private final LineLookup lookup = new LineLookup() {

		@Override
		public Optional<LineRecord> find(Msisdn msisdn) {
			return Optional.ofNullable(DigestsTest.this.lines.get(msisdn));
		}

		@Override
		public boolean erased(Msisdn msisdn) {
			return false;
		}

	};

	private RuntimeException emailFailure;

	@Test
	void sendsOneEmailForTheHoldersLinesAndRecordsEachLineUnderItsOwnId() {
		List<DeadlineEvent> reminders = List.of(reminder("+32470000001", "ana@example.com", 7),
				reminder("+32470000002", "Ana@Example.com", 1), reminder("+32470000003", "ana@example.com", 7));
		digests().handle(reminders);

		assertThat(this.emails).singleElement().satisfies((email) -> {
			assertThat(email.subject()).isEqualTo("Renew your 3 numbers");
			assertThat(email.text()).contains("+32 470 ** ** 01", "+32 470 ** ** 02", "+32 470 ** ** 03")
				.containsPattern("(?s)(/pay/.*){3}");
			assertThat(email.notificationId()).startsWith("digest:");
		});
		assertThat(this.recorded).hasSize(3)
			.allSatisfy((event) -> assertThat(event).isInstanceOf(NotificationSent.class));
		assertThat(this.recorded).extracting(NotificationEvent::notificationId).doesNotHaveDuplicates();
		assertThat(this.recorded).extracting(NotificationEvent::notificationId)
			.allSatisfy((id) -> assertThat(this.sentLog.wasSent(id)).isTrue());
	}

	@Test
	void skipsEveryLineAlreadyCoveredWhenTheRemindersComeAgain() {
		List<DeadlineEvent> reminders = List.of(reminder("+32470000001", "ana@example.com", 7),
				reminder("+32470000002", "ana@example.com", 7));
		digests().handle(reminders);
		digests().handle(reminders);
		digests().handle(List.of(reminders.get(0), reminders.get(0)));

		assertThat(this.emails).hasSize(1);
		assertThat(this.recorded).hasSize(2);
	}

	@Test
	void sendsAReminderAloneWhenItsHolderHasNoOtherLineOrAnotherAddress() {
		digests().handle(List.of(reminder("+32470000001", "ana@example.com", 7),
				reminder("+32470000002", "ben@example.com", 7)));

		assertThat(this.emails).hasSize(2)
			.extracting(EmailMessage::subject)
			.allSatisfy((subject) -> assertThat(subject).startsWith("Renew your number "));
	}

	@Test
	void fallsBackLineByLineWhenTheDigestIsRefusedForGood() {
		this.emailFailure = new PermanentDeliveryException("email_rejected_550", "refused");
		digests().handle(List.of(reminder("+32470000001", "ana@example.com", 7),
				reminder("+32470000002", "ana@example.com", 7)));

		assertThat(this.texts).hasSize(2);
		assertThat(this.recorded).filteredOn(NotificationSent.class::isInstance)
			.extracting(NotificationEvent::channel)
			.containsExactly(Channel.SMS, Channel.SMS);
	}

	@Test
	void recordsEachLineDeferredAndThrowsWhenTheServerIsUnavailable() {
		this.emailFailure = new TransientDeliveryException("smtp_unavailable", "down");
		List<DeadlineEvent> reminders = List.of(reminder("+32470000001", "ana@example.com", 7),
				reminder("+32470000002", "ana@example.com", 7));
		assertThatThrownBy(() -> digests().handle(reminders)).isInstanceOf(TransientDeliveryException.class);
		assertThat(this.recorded).hasSize(2)
			.allSatisfy((event) -> assertThat(event).isInstanceOfSatisfying(NotificationFailed.class,
					(failed) -> assertThat(failed.permanent()).isFalse()));

		this.emailFailure = null;
		digests().handle(reminders);
		assertThat(this.emails).hasSize(1);
	}

	private Digests digests() {
		Links links = new Links(LinkSigner.fromSecret("unit-test-secret-of-at-least-32-bytes", CLOCK),
				URI.create("http://localhost:8084"), Duration.ofDays(7), Duration.ofDays(30), CLOCK);
		ChannelSenders senders = new ChannelSenders(new MessageRenderer(new Messages(), links), (email) -> {
			if (this.emailFailure != null) {
				throw this.emailFailure;
			}
			this.emails.add(email);
			return "<digest@smtp>";
		}, (sms) -> {
			this.texts.add(sms);
			return "SM1";
		}, (hook) -> "webhook-204", CLOCK);
		Notifier notifier = new Notifier(new NoticePlanner(), senders, this.lookup, this.sentLog, this.recorded::add,
				Map.of(), Duration.ofDays(7), CLOCK, (msisdn) -> Set.of());
		return new Digests(notifier, this.lookup, this.sentLog, this.recorded::add, CLOCK);
	}

	private ReminderDue reminder(String number, String email, int stage) {
		Msisdn msisdn = Msisdn.of(number);
		Holder holder = new Holder("Sam", email, msisdn, null, HolderLocale.EN, ZoneId.of("Europe/Brussels"));
		Instant registeredAt = CLOCK.instant().minus(Duration.ofDays(300));
		this.lines.put(msisdn, new LineRecord(msisdn, OperatorId.of("orange"), "orange-prepaid-15", VALID_UNTIL,
				CycleState.OPEN, Money.of(1500, "EUR"), AutoRenewal.OFF, holder, registeredAt, registeredAt));
		return new ReminderDue(UUID.randomUUID(), CLOCK.instant(), msisdn, OperatorId.of("orange"), VALID_UNTIL, stage,
				CLOCK.instant(), ReminderTrigger.SCHEDULED, Money.of(1500, "EUR"), null, null);
	}

}
