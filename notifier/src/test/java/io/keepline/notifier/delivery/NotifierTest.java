package io.keepline.notifier.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.PaymentFailure;
import io.keepline.contracts.deadline.PlannedCharge;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.notifier.channel.ChannelSenders;
import io.keepline.notifier.email.DisabledEmailSender;
import io.keepline.notifier.email.EmailMessage;
import io.keepline.notifier.message.Links;
import io.keepline.notifier.message.MessageRenderer;
import io.keepline.notifier.message.Messages;
import io.keepline.notifier.message.NoticePlanner;
import io.keepline.notifier.sms.SmsMessage;
import io.keepline.notifier.webhook.WebhookMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NotifierTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-24T09:00:00Z"), ZoneOffset.UTC);

	private static final Msisdn MSISDN = Msisdn.of("+32470123456");

	private final List<NotificationEvent> recorded = new ArrayList<>();

	private final List<EmailMessage> emails = new ArrayList<>();

	private final List<SmsMessage> texts = new ArrayList<>();

	private final List<WebhookMessage> hooks = new ArrayList<>();

	private final SentLog sentLog = new SentLog();

	private final Map<Msisdn, LineRecord> lines = new HashMap<>();

	private final Set<Msisdn> erased = new HashSet<>();

	private final Set<Channel> stopped = EnumSet.noneOf(Channel.class);

	private final LineLookup lookup = new LineLookup() {

		@Override
		public Optional<LineRecord> find(Msisdn msisdn) {
			return Optional.ofNullable(NotifierTest.this.lines.get(msisdn));
		}

		@Override
		public boolean erased(Msisdn msisdn) {
			return NotifierTest.this.erased.contains(msisdn);
		}

	};

	@BeforeEach
	void lineIsOpen() {
		this.lines.put(MSISDN, record(CycleState.OPEN, LocalDate.of(2026, 12, 31), holder(),
				CLOCK.instant().minus(Duration.ofDays(300))));
	}

	@Test
	void sendsOnTheFirstChannelOnly() {
		Notifier notifier = notifier((message) -> {
			this.emails.add(message);
			return "<id@smtp>";
		});
		notifier.handle(reminder(7, null, null));
		assertThat(this.emails).hasSize(1);
		assertThat(this.texts).isEmpty();
		assertThat(this.recorded).singleElement().isInstanceOfSatisfying(NotificationSent.class, (sent) -> {
			assertThat(sent.notificationId()).isEqualTo(UUID
				.nameUUIDFromBytes(
						"keepline:notification:+32470123456:2026-12-31:reminder-firm-7:email".getBytes(UTF_8))
				.toString());
			assertThat(sent.providerMessageId()).isEqualTo("<id@smtp>");
			assertThat(sent.template()).isEqualTo("reminder-firm");
		});
	}

	@Test
	void skipsTheChannelsTheHolderStoppedAsADisabledOne() {
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("the holder unsubscribed from email");
		});
		this.stopped.addAll(List.of(Channel.EMAIL, Channel.SMS));
		notifier.handle(reminder(7, null, null));
		assertThat(this.texts).isEmpty();
		assertThat(this.hooks).hasSize(1);
		assertThat(this.recorded).extracting((event) -> event.getClass().getSimpleName() + " " + event.channel())
			.containsExactly("NotificationFailed EMAIL", "NotificationFailed SMS", "NotificationSent WEBHOOK");
		assertThat(this.recorded.subList(0, 2)).allSatisfy((event) -> assertThat(event)
			.isInstanceOfSatisfying(NotificationFailed.class, (failed) -> assertThat(failed.permanent()).isTrue()));
		assertThat(((NotificationFailed) this.recorded.get(1)).reason()).isEqualTo("sms_unsubscribed");
	}

	@Test
	void recordsOnceThatAHolderStoppedEveryChannel() {
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("the holder unsubscribed from email");
		});
		this.stopped.addAll(List.of(Channel.values()));
		notifier.handle(reminder(7, null, null));
		notifier.handle(reminder(7, null, null));
		assertThat(this.texts).isEmpty();
		assertThat(this.hooks).isEmpty();
		assertThat(this.recorded).singleElement().isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
			assertThat(failed.reason()).isEqualTo(Notifier.UNSUBSCRIBED_ALL);
			assertThat(failed.permanent()).isTrue();
		});
	}

	@Test
	void fallsBackToSmsWhenEmailIsDisabledAndNeverCallsItSent() {
		Notifier notifier = notifier(new DisabledEmailSender());
		notifier.handle(reminder(7, null, null));
		assertThat(this.texts).hasSize(1);
		assertThat(this.recorded).hasSize(2);
		assertThat(this.recorded.get(0)).isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
			assertThat(failed.channel()).isEqualTo(Channel.EMAIL);
			assertThat(failed.permanent()).isTrue();
			assertThat(failed.reason()).isEqualTo("email_disabled");
		});
		assertThat(this.recorded.get(1)).isInstanceOfSatisfying(NotificationSent.class,
				(sent) -> assertThat(sent.channel()).isEqualTo(Channel.SMS));
	}

	@Test
	void doesNotSendTwiceForTheSameCycleAndStage() {
		Notifier notifier = notifier((message) -> {
			this.emails.add(message);
			return "<id@smtp>";
		});
		notifier.handle(reminder(7, null, null));
		notifier.handle(reminder(7, null, null));
		notifier.handle(reminder(1, null, null));
		assertThat(this.emails).hasSize(2);
	}

	@Test
	void fallsBackToTheNextChannelOnAPermanentFailure() {
		Notifier notifier = notifier((message) -> {
			throw new PermanentDeliveryException("email_rejected_address_550", "no such user");
		});
		notifier.handle(reminder(7, null, null));
		assertThat(this.texts).hasSize(1);
		assertThat(this.recorded).hasSize(2);
		assertThat(this.recorded.get(0)).isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
			assertThat(failed.permanent()).isTrue();
			assertThat(failed.channel()).isEqualTo(Channel.EMAIL);
			assertThat(failed.reason()).isEqualTo("email_rejected_address_550");
		});
		assertThat(this.recorded.get(1)).isInstanceOfSatisfying(NotificationSent.class,
				(sent) -> assertThat(sent.channel()).isEqualTo(Channel.SMS));
	}

	@Test
	void recordsThatEveryChannelFailedForGoodSoThatTheOperatorIsTold() {
		Notifier notifier = notifier((message) -> {
			throw new PermanentDeliveryException("email_rejected_address_550", "no such user");
		});
		this.sentLog.markFailedPermanently("+32470123456:2026-12-31:reminder-firm-7:sms");
		this.sentLog.markFailedPermanently("+32470123456:2026-12-31:reminder-firm-7:webhook");
		notifier.handle(reminder(7, null, null));
		assertThat(this.texts).isEmpty();
		assertThat(this.hooks).isEmpty();
		assertThat(this.recorded).extracting((event) -> ((NotificationFailed) event).reason())
			.containsExactly("email_rejected_address_550", Notifier.ALL_CHANNELS_FAILED);
		assertThat((NotificationFailed) this.recorded.get(1)).satisfies((failed) -> {
			assertThat(failed.permanent()).isTrue();
			assertThat(failed.channel()).isEqualTo(Channel.EMAIL);
		});
	}

	@Test
	void rethrowsTransientFailuresAfterRecordingThem() {
		Notifier notifier = notifier((message) -> {
			throw new TransientDeliveryException("smtp_unavailable", "connection refused");
		});
		assertThatExceptionOfType(TransientDeliveryException.class)
			.isThrownBy(() -> notifier.handle(reminder(7, null, null)));
		assertThat(this.texts).isEmpty();
		assertThat(this.recorded).singleElement()
			.isInstanceOfSatisfying(NotificationFailed.class, (failed) -> assertThat(failed.permanent()).isFalse());
	}

	@Test
	void notificationIdsCarryNoDigitOfTheNumber() {
		Notifier notifier = notifier((message) -> {
			this.emails.add(message);
			return "<id@smtp>";
		});
		notifier.handle(reminder(7, null, null));
		notifier.handle(reminder(1, null, null));
		assertThat(this.recorded).hasSize(2).allSatisfy((event) -> {
			assertThat(event.notificationId()).doesNotContain("32470123456").doesNotContain("0123456");
			assertThat(event.notificationId()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
		});
		assertThat(this.emails).extracting(EmailMessage::notificationId)
			.allSatisfy((id) -> assertThat(id).doesNotContain("0123456"));
	}

	/** Entries the sent-log holds from before the upgrade still suppress a duplicate. */
	@Test
	void aNotificationSentUnderTheOldIdIsNotSentAgain() {
		this.sentLog.markSent("+32470123456:2026-12-31:reminder-firm-7:email");
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("already sent before the upgrade");
		});
		notifier.handle(reminder(7, null, null));
		assertThat(this.texts).isEmpty();
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void skipsAChannelThatFailedForGoodOnARetry() {
		this.sentLog.markFailedPermanently("+32470123456:2026-12-31:reminder-firm-7:email");
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("email already failed for good");
		});
		notifier.handle(reminder(7, null, null));
		assertThat(this.texts).hasSize(1);
	}

	@Test
	void announcesAnAutomaticChargeAndAFailedOne() {
		Notifier notifier = notifier((message) -> {
			this.emails.add(message);
			return "ok";
		});
		this.lines.put(MSISDN, record(CycleState.OPEN, LocalDate.of(2026, 12, 31), holder(),
				CLOCK.instant().minus(Duration.ofDays(300)), new SavedMethod("visa", "4242", 12, 2030)));
		notifier.handle(reminder(7, new PlannedCharge(LocalDate.of(2026, 12, 28)), null));
		notifier.handle(reminder(2, new PlannedCharge(LocalDate.of(2026, 12, 28)),
				new PaymentFailure("card_declined", "generic_decline", 1)));
		assertThat(this.emails).extracting(EmailMessage::subject)
			.containsExactly("Your number +32 470 ** ** 56 renews automatically on 28 December 2026",
					"Automatic renewal of +32 470 ** ** 56 failed");
		assertThat(this.emails.get(0).text()).contains("Visa card ending 4242");
		assertThat(this.emails.get(1).text()).contains("card declined").contains("/pay/");
	}

	@Test
	void doesNotSendStaleEvents() {
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("too old to send");
		});
		ReminderDue fresh = reminder(7, null, null);
		notifier.handle(new ReminderDue(fresh.eventId(), CLOCK.instant().minus(Duration.ofDays(8)), fresh.msisdn(),
				fresh.operator(), fresh.validUntil(), fresh.stage(), fresh.dueAt(), fresh.trigger(), fresh.price(),
				null, null));
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void ignoresAutomaticChargeOrders() {
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("nothing to send");
		});
		notifier.handle(new AutoRenewalDue(UUID.randomUUID(), CLOCK.instant(), MSISDN, OperatorId.of("orange"),
				LocalDate.of(2026, 12, 31), 1, new PaymentMethodRef("cus", "pm", null, null, 0, 0),
				Money.of(1500, "EUR")));
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void sendsToTheContactAndLocaleOfTheLinesRecord() {
		Holder updated = new Holder("Sam", "sam.new@example.com", null, null, HolderLocale.FR, ZoneId.of("Asia/Tokyo"));
		this.lines.put(MSISDN, record(CycleState.OPEN, LocalDate.of(2026, 12, 31), updated,
				CLOCK.instant().minus(Duration.ofDays(300))));
		Notifier notifier = notifier((message) -> {
			this.emails.add(message);
			return "<id@smtp>";
		});
		notifier.handle(reminder(7, null, null));
		assertThat(this.emails).singleElement().satisfies((email) -> {
			assertThat(email.to()).isEqualTo("sam.new@example.com");
			assertThat(email.subject()).startsWith("Renouvelez");
		});
		assertThat(this.recorded).singleElement()
			.isInstanceOfSatisfying(NotificationSent.class,
					(sent) -> assertThat(sent.locale()).isEqualTo(HolderLocale.FR));
	}

	@Test
	void suppressesEveryMessageOfACancelledLineOnce() {
		this.lines.put(MSISDN, record(CycleState.CANCELLED, LocalDate.of(2026, 12, 31), holder(),
				CLOCK.instant().minus(Duration.ofDays(300))));
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("the line is cancelled");
		});
		ReminderDue reminder = reminder(7, null, null);
		notifier.handle(reminder);
		notifier.handle(reminder);
		notifier.handle(lapsed(LocalDate.of(2026, 12, 31)));
		assertThat(this.texts).isEmpty();
		assertThat(this.hooks).isEmpty();
		assertThat(this.recorded).hasSize(2)
			.allSatisfy((event) -> assertThat(event).isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
				assertThat(failed.permanent()).isTrue();
				assertThat(failed.reason()).isEqualTo("line_cancelled");
				assertThat(failed.channel()).isEqualTo(Channel.EMAIL);
			}));
	}

	@Test
	void suppressesAMessageWhoseRecordNoLongerKnowsTheContactOnce() {
		this.lines.put(MSISDN, record(CycleState.OPEN, LocalDate.of(2026, 12, 31), holder().withoutContact(),
				CLOCK.instant().minus(Duration.ofDays(300))));
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("the contact's keys were shredded");
		});
		notifier.handle(reminder(7, null, null));
		notifier.handle(reminder(7, null, null));
		assertThat(this.texts).isEmpty();
		assertThat(this.hooks).isEmpty();
		assertThat(this.recorded).singleElement().isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
			assertThat(failed.permanent()).isTrue();
			assertThat(failed.reason()).isEqualTo("contact_unknown");
			assertThat(failed.channel()).isEqualTo(Channel.EMAIL);
		});
	}

	@Test
	void suppressesAMessageOfAnErasedLine() {
		this.lines.remove(MSISDN);
		this.erased.add(MSISDN);
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("the line is erased");
		});
		notifier.handle(reminder(1, null, null));
		assertThat(this.texts).isEmpty();
		assertThat(this.recorded).singleElement().isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
			assertThat(failed.permanent()).isTrue();
			assertThat(failed.reason()).isEqualTo("line_erased");
			assertThat(failed.channel()).isEqualTo(Channel.EMAIL);
			assertThat(failed.locale()).isNull();
		});
		notifier.handle(reminder(1, null, null));
		assertThat(this.recorded).hasSize(1);
	}

	@Test
	void suppressesAMessageOfALineNeverRegisteredOnceTheWaitForItsRecordIsOver() {
		this.lines.remove(MSISDN);
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("no such line");
		});
		ReminderDue fresh = reminder(7, null, null);
		notifier.handle(new ReminderDue(fresh.eventId(), CLOCK.instant().minus(Notifier.RECORD_WAIT).minusSeconds(1),
				fresh.msisdn(), fresh.operator(), fresh.validUntil(), fresh.stage(), fresh.dueAt(), fresh.trigger(),
				fresh.price(), null, null));
		assertThat(this.recorded).singleElement().isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
			assertThat(failed.permanent()).isTrue();
			assertThat(failed.reason()).isEqualTo("line_not_registered");
		});
	}

	@Test
	void waitsForALineRecordNotReadYet() {
		this.lines.remove(MSISDN);
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("no record yet");
		});
		assertThatExceptionOfType(TransientDeliveryException.class)
			.isThrownBy(() -> notifier.handle(reminder(7, null, null)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("line_record_missing"));
		assertThat(this.texts).isEmpty();
		assertThat(this.recorded).singleElement()
			.isInstanceOfSatisfying(NotificationFailed.class, (failed) -> assertThat(failed.permanent()).isFalse());
	}

	@Test
	void sendsToTheHolderOfANewRegistrationOfTheSameCycle() {
		Holder newcomer = new Holder("Alex", "alex@example.com", null, null, HolderLocale.NL,
				ZoneId.of("Europe/Brussels"));
		this.lines.put(MSISDN,
				record(CycleState.OPEN, LocalDate.of(2026, 12, 31), newcomer, CLOCK.instant().plusSeconds(1)));
		Notifier notifier = notifier((message) -> {
			this.emails.add(message);
			return "<id@smtp>";
		});
		notifier.handle(reminder(7, null, null));
		assertThat(this.emails).singleElement()
			.satisfies((email) -> assertThat(email.to()).isEqualTo("alex@example.com"));
		assertThat(this.recorded).singleElement().isInstanceOf(NotificationSent.class);
	}

	@Test
	void suppressesAReminderOfACycleNoLongerCurrentButStillSendsItsLapseNotice() {
		this.lines.put(MSISDN, record(CycleState.OPEN, LocalDate.of(2027, 12, 31), holder(),
				CLOCK.instant().minus(Duration.ofDays(300))));
		Notifier notifier = notifier((message) -> {
			this.emails.add(message);
			return "<id@smtp>";
		});
		notifier.handle(reminder(7, null, null));
		notifier.handle(lapsed(LocalDate.of(2026, 12, 31)));
		assertThat(this.emails).extracting(EmailMessage::subject)
			.singleElement()
			.asString()
			.startsWith("Final warning");
		assertThat(this.recorded).hasSize(2);
		assertThat(this.recorded.get(0)).isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
			assertThat(failed.permanent()).isTrue();
			assertThat(failed.reason()).isEqualTo("cycle_not_current");
			assertThat(failed.template()).isEqualTo("reminder-firm");
		});
		assertThat(this.recorded.get(1)).isInstanceOfSatisfying(NotificationSent.class,
				(sent) -> assertThat(sent.template()).isEqualTo("line-lapsed"));
	}

	@Test
	void putsNoPressureOnACycleThatIsRenewedOrBeingPaid() {
		Notifier notifier = notifier((message) -> {
			throw new AssertionError("nothing to pay");
		});
		this.lines.put(MSISDN, record(CycleState.RENEWED, LocalDate.of(2026, 12, 31), holder(),
				CLOCK.instant().minus(Duration.ofDays(300))));
		notifier.handle(reminder(7, null, null));
		this.lines.put(MSISDN, record(CycleState.PAYMENT_PENDING, LocalDate.of(2026, 12, 31), holder(),
				CLOCK.instant().minus(Duration.ofDays(300))));
		notifier.handle(reminder(1, null, null));
		assertThat(this.recorded).extracting((event) -> ((NotificationFailed) event).reason())
			.containsExactly("cycle_renewed", "payment_pending");
	}

	private Notifier notifier(io.keepline.notifier.email.EmailSender email) {
		Links links = new Links(LinkSigner.fromSecret("unit-test-secret-of-at-least-32-bytes", CLOCK),
				URI.create("http://localhost:8084"), Duration.ofDays(7), Duration.ofDays(30), CLOCK);
		MessageRenderer renderer = new MessageRenderer(new Messages(), links);
		ChannelSenders senders = new ChannelSenders(renderer, email, (sms) -> {
			this.texts.add(sms);
			return "SM1";
		}, (hook) -> {
			this.hooks.add(hook);
			return "webhook-204";
		}, CLOCK);
		return new Notifier(new NoticePlanner(), senders, this.lookup, this.sentLog, this.recorded::add,
				Map.of(Channel.EMAIL, new RateLimiter("email", 1000, 1000, Duration.ofSeconds(1))), Duration.ofDays(7),
				CLOCK, (msisdn) -> msisdn.equals(MSISDN) ? Set.copyOf(this.stopped) : Set.of());
	}

	private static Holder holder() {
		return new Holder("Sam", "sam@example.com", MSISDN, URI.create("https://hooks.example.com/k"), HolderLocale.EN,
				ZoneId.of("Europe/Brussels"));
	}

	private static LineRecord record(CycleState state, LocalDate validUntil, Holder holder, Instant registeredAt) {
		return record(state, validUntil, holder, registeredAt, null);
	}

	private static LineRecord record(CycleState state, LocalDate validUntil, Holder holder, Instant registeredAt,
			SavedMethod card) {
		return new LineRecord(MSISDN, OperatorId.of("orange"), "orange-prepaid-15", validUntil, state,
				Money.of(1500, "EUR"), (card != null) ? new AutoRenewal(true, true, card) : AutoRenewal.OFF, holder,
				registeredAt, CLOCK.instant());
	}

	private static LapseNoticeDue lapsed(LocalDate validUntil) {
		return new LapseNoticeDue(UUID.randomUUID(), CLOCK.instant(), MSISDN, OperatorId.of("orange"), validUntil,
				validUntil.plusDays(1).atStartOfDay(ZoneId.of("Europe/Brussels")).toInstant());
	}

	private static ReminderDue reminder(int stage, PlannedCharge charge, PaymentFailure failure) {
		ReminderTrigger trigger = (failure != null) ? ReminderTrigger.AUTO_RENEWAL_FAILED : ReminderTrigger.SCHEDULED;
		return new ReminderDue(UUID.randomUUID(), CLOCK.instant(), MSISDN, OperatorId.of("orange"),
				LocalDate.of(2026, 12, 31), stage, CLOCK.instant(), trigger, Money.of(1500, "EUR"), charge, failure);
	}

}
