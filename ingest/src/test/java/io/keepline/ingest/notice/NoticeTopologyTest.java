package io.keepline.ingest.notice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.notice.HolderUnreachable;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.FieldError;
import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.notice.ErasureCompleted;
import io.keepline.contracts.notice.ItemRejected;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notice.RefundIssued;
import io.keepline.contracts.notice.RenewalNotApplied;
import io.keepline.contracts.notice.RenewalPaid;
import io.keepline.contracts.notice.TopUpReportedByHolder;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.TopUpReported;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.contracts.rejected.RejectedEvent;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each operator gets its own notices, and a paid renewal not applied in time is alerted
 * on once.
 */
class NoticeTopologyTest {

	static final OperatorId ORANGE = OperatorId.of("orange");

	static final OperatorId PROXIMUS = OperatorId.of("proximus");

	static final Msisdn LINE = Msisdn.of("+32470123456");

	static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

	static final Instant PAID_AT = Instant.parse("2026-12-28T09:00:00Z");

	static final Duration BOUND = Duration.ofHours(24);

	final MutableClock clock = new MutableClock(PAID_AT);

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	Path stateDir;

	TopologyTestDriver driver;

	TestInputTopic<Msisdn, LineEvent> lineEvents;

	TestInputTopic<Msisdn, DeadlineEvent> deadlineEvents;

	TestInputTopic<Msisdn, PaymentEvent> paymentEvents;

	TestInputTopic<OperatorId, RejectedEvent> rejectedEvents;

	TestOutputTopic<Msisdn, OperatorNotice> orange;

	TestOutputTopic<Msisdn, OperatorNotice> proximus;

	@BeforeEach
	void start() throws IOException {
		this.stateDir = Files.createTempDirectory("ingest-notices-test");
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-notices-test");
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		this.driver = new TopologyTestDriver(NoticeTopology.build(new NoticeTopology.Setup(Set.of(ORANGE, PROXIMUS),
				BOUND, Duration.ofSeconds(30), 100, this.clock, new NoticeMetrics(this.registry))), config);
		this.lineEvents = input(Topics.LINE_EVENTS);
		this.deadlineEvents = input(Topics.DEADLINE_EVENTS);
		this.paymentEvents = input(Topics.PAYMENT_EVENTS);
		this.rejectedEvents = input(Topics.REJECTED_EVENTS);
		this.orange = output(ORANGE);
		this.proximus = output(PROXIMUS);
	}

	@AfterEach
	void stop() throws IOException {
		this.driver.close();
		FileSystemUtils.deleteRecursively(this.stateDir);
	}

	@Test
	void aPaidRenewalTellsItsOperatorWhatToTopUpAndNobodyElse() {
		this.lineEvents.pipeInput(LINE, registered());
		this.deadlineEvents.pipeInput(LINE, confirmed(UUID.randomUUID()));

		assertThat(this.orange.readKeyValuesToList()).singleElement().satisfies((notice) -> {
			assertThat(notice.key).isEqualTo(LINE);
			assertThat(notice.value).isInstanceOfSatisfying(RenewalPaid.class, (paid) -> {
				assertThat(paid.validUntil()).isEqualTo(VALID_UNTIL);
				assertThat(paid.plan()).isEqualTo("orange-prepaid-15");
				assertThat(paid.amount()).isEqualTo(Money.of(1500, "EUR"));
				assertThat(paid.paymentId()).isEqualTo("pi_1");
				assertThat(paid.settledAfterLapse()).isFalse();
			});
		});
		assertThat(this.proximus.isEmpty()).isTrue();
	}

	@Test
	void aDebitSettledAfterTheLapseTellsTheOperatorToRestoreTheLine() {
		this.lineEvents.pipeInput(LINE, registered());
		this.deadlineEvents.pipeInput(LINE, new LineLapsed(UUID.randomUUID(), PAID_AT, LINE, ORANGE, VALID_UNTIL));
		this.deadlineEvents.pipeInput(LINE, new RenewalConfirmed(UUID.randomUUID(), PAID_AT.plus(Duration.ofDays(2)),
				LINE, ORANGE, VALID_UNTIL, Money.of(1500, "EUR"), "pi_sepa", PaymentSource.AUTO_RENEWAL, true));

		assertThat(this.orange.readValuesToList()).hasSize(2)
			.last()
			.isInstanceOfSatisfying(RenewalPaid.class, (paid) -> {
				assertThat(paid.validUntil()).as("the new validity counts from the old date").isEqualTo(VALID_UNTIL);
				assertThat(paid.settledAfterLapse()).isTrue();
			});
	}

	@Test
	void aReplayedConfirmationGivesTheSameNoticeId() {
		UUID confirmation = UUID.randomUUID();
		this.lineEvents.pipeInput(LINE, registered());
		this.deadlineEvents.pipeInput(LINE, confirmed(confirmation));
		this.deadlineEvents.pipeInput(LINE, confirmed(confirmation));

		assertThat(this.orange.readValuesToList()).extracting(OperatorNotice::noticeId)
			.hasSize(2)
			.containsOnly(OperatorNotice.idFor("RenewalPaid", confirmation));
	}

	@Test
	void aPaidRenewalNotAppliedWithinTheBoundRaisesOneAlert() {
		this.lineEvents.pipeInput(LINE, registered());
		this.deadlineEvents.pipeInput(LINE, confirmed(UUID.randomUUID()));
		this.orange.readValuesToList();

		advance(BOUND.minusMinutes(1));
		assertThat(this.orange.isEmpty()).as("no alert before the bound").isTrue();
		advance(Duration.ofMinutes(2));
		advance(Duration.ofHours(5));

		assertThat(this.orange.readValuesToList()).singleElement()
			.isInstanceOfSatisfying(RenewalNotApplied.class, (alert) -> {
				assertThat(alert.msisdn()).isEqualTo(LINE);
				assertThat(alert.validUntil()).isEqualTo(VALID_UNTIL);
				assertThat(alert.expectedBy()).isEqualTo(PAID_AT.plus(BOUND));
			});
		assertThat(this.registry.get("keepline.notices.top-ups-overdue").gauge().value()).isEqualTo(1);
		assertThat(this.registry.get("keepline.notices.renewals-not-applied").counter().count()).isEqualTo(1);

		this.lineEvents.pipeInput(LINE, extended(VALID_UNTIL.plusMonths(12)));
		assertThat(this.registry.get("keepline.notices.top-ups-overdue").gauge().value()).isZero();
	}

	@Test
	void aTopUpWithinTheBoundRaisesNoAlert() {
		this.lineEvents.pipeInput(LINE, registered());
		this.deadlineEvents.pipeInput(LINE, confirmed(UUID.randomUUID()));
		advance(Duration.ofHours(2));
		this.lineEvents.pipeInput(LINE, extended(VALID_UNTIL.plusMonths(12)));
		advance(BOUND.multipliedBy(3));

		assertThat(this.orange.readValuesToList()).singleElement().isInstanceOf(RenewalPaid.class);
		assertThat(this.registry.get("keepline.notices.renewals-not-applied").counter().count()).isZero();
	}

	@Test
	void anExtensionOfTheSameCycleDoesNotCloseTheLoop() {
		this.lineEvents.pipeInput(LINE, registered());
		this.deadlineEvents.pipeInput(LINE, confirmed(UUID.randomUUID()));
		this.lineEvents.pipeInput(LINE, extended(VALID_UNTIL));
		advance(BOUND.plusMinutes(1));

		assertThat(this.orange.readValuesToList()).last().isInstanceOf(RenewalNotApplied.class);
	}

	@Test
	void aRefundCarriesTheReasonTheSchedulerGave() {
		this.lineEvents.pipeInput(LINE, registered());
		this.deadlineEvents.pipeInput(LINE, new RefundDue(UUID.randomUUID(), PAID_AT, LINE, ORANGE, VALID_UNTIL,
				"pi_3Def", Money.of(1500, "EUR"), "already_paid"));
		this.paymentEvents.pipeInput(LINE, sample(PaymentEvent.class, PaymentRefunded.class));

		assertThat(this.orange.readValuesToList()).singleElement()
			.isInstanceOfSatisfying(RefundIssued.class, (refund) -> {
				assertThat(refund.reason()).isEqualTo("already_paid");
				assertThat(refund.amount()).isEqualTo(Money.of(1500, "EUR"));
				assertThat(refund.refundId()).isEqualTo("re_1Ghi");
			});
	}

	@Test
	void anErasureIsConfirmedToItsOperatorAndForgetsTheLine() {
		this.lineEvents.pipeInput(LINE, registered());
		this.deadlineEvents.pipeInput(LINE, confirmed(UUID.randomUUID()));
		this.lineEvents.pipeInput(LINE, new LineErased(UUID.randomUUID(), PAID_AT, LINE, ORANGE));
		advance(BOUND.multipliedBy(2));

		assertThat(this.orange.readValuesToList()).extracting(Object::getClass)
			.containsExactly(RenewalPaid.class, ErasureCompleted.class);
		assertThat(this.driver.getKeyValueStore(NoticeTopology.LINES_STORE).get(LINE)).isNull();
	}

	@Test
	void anotherOperatorsEventsChangeNothing() {
		this.lineEvents.pipeInput(LINE, registered());
		this.lineEvents.pipeInput(LINE, new LineErased(UUID.randomUUID(), PAID_AT, LINE, PROXIMUS));

		assertThat(this.orange.isEmpty()).isTrue();
		assertThat(this.proximus.isEmpty()).isTrue();
	}

	@Test
	void aRejectedItemReachesOnlyItsOperatorWithoutItsPayload() {
		this.rejectedEvents.pipeInput(PROXIMUS, new EventRejected(UUID.randomUUID(), PAID_AT, PROXIMUS,
				IngestSource.HTTP, "index 3", "e-1", List.of(new FieldError("msisdn", "not_e164")), "{\"secret\":1}"));

		assertThat(this.proximus.readValuesToList()).singleElement()
			.isInstanceOfSatisfying(ItemRejected.class, (rejected) -> {
				assertThat(rejected.location()).isEqualTo("index 3");
				assertThat(rejected.errors()).containsExactly(new FieldError("msisdn", "not_e164"));
			});
		assertThat(this.orange.isEmpty()).isTrue();
	}

	@Test
	void everyInputEventTypeIsHandled() {
		List<KeeplineEvent> events = new java.util.ArrayList<>();
		events.addAll(EventSamples.everyPermitted(LineEvent.class));
		events.addAll(EventSamples.everyPermitted(DeadlineEvent.class));
		events.addAll(EventSamples.everyPermitted(PaymentEvent.class));
		NoticeRules rules = new NoticeRules(BOUND);
		NoticeLine line = null;
		for (KeeplineEvent event : events) {
			line = rules.apply(line, event, PAID_AT).line();
		}
		for (RejectedEvent rejected : EventSamples.everyPermitted(RejectedEvent.class)) {
			assertThat(NoticeRules.rejected(rejected).operator()).isEqualTo(rejected.operator());
		}
	}

	private void advance(Duration by) {
		this.clock.advance(by);
		this.driver.advanceWallClockTime(by);
	}

	@Test
	void aHolderWhoStoppedEveryChannelIsToldToTheOperatorOncePerRegistration() {
		TestInputTopic<Msisdn, NotificationEvent> notifications = input(Topics.NOTIFICATION_EVENTS);
		this.lineEvents.pipeInput(LINE, registered());
		this.orange.readKeyValuesToList();

		notifications.pipeInput(LINE, unreachable(true));
		notifications.pipeInput(LINE, unreachable(true));
		notifications.pipeInput(LINE, failed(true, "email_unsubscribed"));
		notifications.pipeInput(LINE, failed(false, "holder_unsubscribed_all"));

		assertThat(this.orange.readValuesToList()).singleElement()
			.isInstanceOfSatisfying(HolderUnreachable.class, (notice) -> {
				assertThat(notice.msisdn()).isEqualTo(LINE);
				assertThat(notice.reason()).isEqualTo("holder_unsubscribed_all");
			});
		this.lineEvents.pipeInput(LINE, registered());
		notifications.pipeInput(LINE, unreachable(true));

		assertThat(this.orange.readValuesToList()).as("told again for the next registration")
			.singleElement()
			.isInstanceOf(HolderUnreachable.class);
		assertThat(this.proximus.isEmpty()).isTrue();
	}

	@Test
	void aHolderWhoseEveryChannelFailedForGoodIsToldToTheOperatorOnce() {
		TestInputTopic<Msisdn, NotificationEvent> notifications = input(Topics.NOTIFICATION_EVENTS);
		this.lineEvents.pipeInput(LINE, registered());
		this.orange.readKeyValuesToList();

		notifications.pipeInput(LINE, failed(true, "sms_undelivered_30003"));
		assertThat(this.orange.isEmpty()).as("one channel failed: the next may work").isTrue();
		notifications.pipeInput(LINE, failed(true, "holder_all_channels_failed"));
		notifications.pipeInput(LINE, failed(true, "holder_all_channels_failed"));

		assertThat(this.orange.readValuesToList()).singleElement()
			.isInstanceOfSatisfying(HolderUnreachable.class,
					(notice) -> assertThat(notice.reason()).isEqualTo("holder_all_channels_failed"));
	}

	@Test
	void aHoldersTopUpReportTellsTheOperatorUntilWhenRemindersArePausedUnlessTheCycleWasExtended() {
		this.lineEvents.pipeInput(LINE, registered());
		this.orange.readKeyValuesToList();
		Instant at = Instant.parse("2026-12-28T09:10:00Z");
		TopUpReported report = new TopUpReported(UUID.randomUUID(), at, LINE, at.minusSeconds(86_400 * 30), VALID_UNTIL,
				at.plusSeconds(3 * 86_400));

		this.paymentEvents.pipeInput(LINE, report);

		assertThat(this.orange.readValuesToList()).singleElement()
			.isInstanceOfSatisfying(TopUpReportedByHolder.class, (notice) -> {
				assertThat(notice.msisdn()).isEqualTo(LINE);
				assertThat(notice.validUntil()).isEqualTo(VALID_UNTIL);
				assertThat(notice.remindersPausedUntil()).isEqualTo(at.plusSeconds(3 * 86_400));
			});
		this.lineEvents.pipeInput(LINE, extended(VALID_UNTIL.plusMonths(1)));
		this.orange.readKeyValuesToList();
		this.paymentEvents.pipeInput(LINE, new TopUpReported(UUID.randomUUID(), at, LINE, at.minusSeconds(86_400 * 30),
				VALID_UNTIL, at.plusSeconds(3 * 86_400)));

		assertThat(this.orange.isEmpty()).as("the operator already extended that cycle").isTrue();
		assertThat(this.proximus.isEmpty()).isTrue();
	}

	private static NotificationFailed unreachable(boolean permanent) {
		return failed(permanent, "holder_unsubscribed_all");
	}

	private static NotificationFailed failed(boolean permanent, String reason) {
		return new NotificationFailed(UUID.randomUUID(), PAID_AT, LINE, "n-" + UUID.randomUUID(), UUID.randomUUID(),
				Channel.EMAIL, "reminder-firm", HolderLocale.EN, permanent, reason);
	}

	private static LineRegistered registered() {
		return sample(LineEvent.class, LineRegistered.class);
	}

	private static RenewalConfirmed confirmed(UUID eventId) {
		return new RenewalConfirmed(eventId, PAID_AT, LINE, ORANGE, VALID_UNTIL, Money.of(1500, "EUR"), "pi_1");
	}

	private static ValidityExtended extended(LocalDate validUntil) {
		return new ValidityExtended(UUID.randomUUID(), PAID_AT, LINE, ORANGE, validUntil);
	}

	private static <T extends KeeplineEvent, S extends T> S sample(Class<T> sealed, Class<S> type) {
		return EventSamples.everyPermitted(sealed)
			.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.findFirst()
			.orElseThrow();
	}

	private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
		return this.driver.createInputTopic(topic.name(), topic.keySerde().serializer(),
				topic.valueSerde().serializer());
	}

	private TestOutputTopic<Msisdn, OperatorNotice> output(OperatorId operator) {
		Topic<Msisdn, OperatorNotice> topic = Topics.operatorNotices(operator);
		return this.driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
				topic.valueSerde().deserializer());
	}

}
