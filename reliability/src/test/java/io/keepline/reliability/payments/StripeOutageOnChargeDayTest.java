package io.keepline.reliability.payments;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.reliability.ClockOverride;
import io.keepline.reliability.OwnBroker;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ScenarioClock;
import io.keepline.reliability.ServiceRun;
import io.keepline.reliability.payments.StripeLedger.Charge;
import io.keepline.reliability.payments.StripeStub.Exchange;
import io.keepline.standalone.FreePorts;
import io.keepline.standalone.MailOutbox;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17's first test: Stripe answers 5xx for ten minutes of the scenario's clock
 * around the morning of D−3, when the scheduler fires every line's first automatic
 * charge, with the scheduler, payments and the notifier running on one accelerated clock
 * ({@link ScenarioClock}, shared through {@link ClockOverride}). The first three minutes
 * of the outage are total (lookups fail too, so payments sends no charge), the rest fails
 * only creations, each 500 saved under its idempotency key as Stripe API v1 saves it;
 * payments restarts in the middle, so that the new run sends each unsettled charge under
 * its first key again and meets the saved 500. Payments' gateway deadline is shorter than
 * the outage (4 minutes): every renewal of the outage ends as one retryable
 * {@code gateway_unavailable} failure, the scheduler plans the failure reminder and the
 * D−2 attempt, the notifier emails the holder a pay link, and the D−2 attempt (Stripe
 * back) charges once. Each cycle must be paid exactly once, and each cycle not paid at
 * D−3 must have had its holder reminded with a pay link before the lapse; nothing is
 * dead-lettered. On a broker of its own: its scheduler reads every line-event from the
 * beginning and its clock runs weeks ahead of the shared broker's scenarios. Full size
 * only in the whole build (three services and their own broker cost more than the default
 * build can spend); {@code -Dkeepline.reliability.full-only-scenarios=run} runs it at the
 * quick size.
 */
@EnabledIf(value = "chosen", disabledReason = "full size only (-Preliability-full)")
class StripeOutageOnChargeDayTest {

	private static final Logger log = LoggerFactory.getLogger(StripeOutageOnChargeDayTest.class);

	private static final String API_KEY = "sk_test_reliability_charge_day";

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private static final Duration OUTAGE = Duration.ofMinutes(10);

	/** Payments' gateway deadline: shorter than the outage. */
	private static final Duration GATEWAY_DEADLINE = Duration.ofMinutes(4);

	/** How much faster than real time the scenario's clock runs through the outage. */
	private static final double OUTAGE_SPEED = Scale.current().pick(20, 2);

	/** And from just before D−2 on. */
	private static final double AFTER_SPEED = 60;

	@TempDir
	Path dirs;

	@Test
	void paysEveryCycleOnceOrRemindsItsHolderWithAPayLinkBeforeTheLapse() throws Exception {
		long started = System.nanoTime();
		int size = Scale.current().pick(30, 1_000);
		LocalDate validUntil = LocalDate.now(ZoneOffset.UTC).plusDays(40);
		Instant chargeDay = validUntil.minusDays(3).atTime(LocalTime.of(10, 0)).atZone(BRUSSELS).toInstant();
		Instant secondAttempt = validUntil.minusDays(2).atTime(LocalTime.of(10, 0)).atZone(BRUSSELS).toInstant();
		Instant lapse = validUntil.plusDays(1).atStartOfDay(BRUSSELS).toInstant();
		Instant outageStarts = chargeDay.minus(OUTAGE.dividedBy(5));
		Instant whollyDownUntil = outageStarts.plus(OUTAGE.multipliedBy(3).dividedBy(10));
		Instant restart = whollyDownUntil.plus(Duration.ofMinutes(1));
		Instant outageEnds = outageStarts.plus(OUTAGE);
		ScenarioClock clock = new ScenarioClock(outageStarts);
		Instant registeredAt = outageStarts.minus(Duration.ofHours(1));
		List<LineRegistered> lines = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			Msisdn msisdn = Unique.msisdn();
			lines.add(new LineRegistered(UUID.randomUUID(), registeredAt, msisdn, OperatorId.of("orange"),
					"orange-prepaid-15", validUntil, Money.of(1500, "EUR"),
					new Holder("Holder", email(msisdn), null, (URI) null, HolderLocale.EN, BRUSSELS), List.of(1),
					true));
		}
		Set<Msisdn> ours = lines.stream().map(LineRegistered::msisdn).collect(Collectors.toSet());
		Set<String> numbers = ours.stream().map(Msisdn::value).collect(Collectors.toSet());

		List<ServiceRun> services = new ArrayList<>();
		try (OwnBroker broker = OwnBroker.start(this.dirs.resolve("kafka"));
				StripeStub stripe = new StripeStub(API_KEY, FaultPlan.none(), Duration.ZERO);
				MailOutbox smtp = MailOutbox.start(FreePorts.find());
				TopicProbe<Msisdn, LineRecord> records = TopicProbe.of(broker, Topics.LINES);
				TopicProbe<Msisdn, DeadlineEvent> deadlines = TopicProbe.of(broker, Topics.DEADLINE_EVENTS);
				TopicProbe<Msisdn, PaymentEvent> outcomes = TopicProbe.of(broker, Topics.PAYMENT_EVENTS);
				TopicProbe<String, String> deadLetters = TopicProbe.raw(broker, Topics.DEADLINE_EVENTS.deadLetter())) {
			String kafka = broker.bootstrapServers();
			Map<String, String> paymentsSettings = paymentsSettings(stripe);
			ClockOverride onTheScenarioClock = new ClockOverride(clock);
			services.addAll(ServiceRun.together(List.of(
					() -> ServiceRun.scheduler(kafka, this.dirs.resolve("scheduler"), Map.of(), onTheScenarioClock),
					() -> ServiceRun.payments(kafka, this.dirs.resolve("payments"), paymentsSettings,
							onTheScenarioClock))));
			ServiceRun firstPayments = services.get(1);
			services.add(ServiceRun.notifier(kafka, "127.0.0.1", smtp.port(),
					Map.of("keepline.links.base-url", firstPayments.url("").toString()), onTheScenarioClock));

			// each line registered with automatic renewal and a saved card: the scheduler
			// plans its first charge for D−3 at 10:00 in Brussels, no reminder before it;
			// the card is saved once the line is registered, as through the holder's link
			send(broker, Topics.LINE_EVENTS, lines, LineEvent::msisdn);
			await("every line's record").atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(latest(records, ours)).hasSize(size));
			send(broker, Topics.PAYMENT_EVENTS, lines.stream().map(StripeOutageOnChargeDayTest::cardSaved).toList(),
					PaymentEvent::msisdn);
			await("every line's record with automatic renewal on").atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(
						() -> assertThat(latest(records, ours).values()).filteredOn((r) -> r.autoRenewal().active())
							.hasSize(size));
			await("payments holds every line's record and card").atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(lines).allMatch((line) -> chargeable(firstPayments, line)));
			await("three services healthy").atMost(Duration.ofSeconds(60))
				.until(() -> services.stream().allMatch(ServiceRun::healthy));

			stripe.ledger().outage(true);
			clock.run(OUTAGE_SPEED);
			log.info("Stripe down from {} (D−3 charges at {}), wholly until {}, creations until {}; {} lines",
					outageStarts, chargeDay, whollyDownUntil, outageEnds, size);
			awaitClock(clock, whollyDownUntil);
			long sentWhileWhollyDown = stripe.sentFor(numbers).size();
			stripe.ledger().outage(false);
			stripe.ledger().creationsFail(true);
			// payments restarts (its clean stop standing for a crash, the clock standing
			// still meanwhile): the new run forgets which keys met a 500, sends each
			// unsettled charge under its first key again and meets Stripe's saved 500
			awaitClock(clock, restart);
			clock.run(0);
			services.remove(firstPayments);
			firstPayments.close();
			int sentBeforeRestart = stripe.exchanges().size();
			ServiceRun restarted = ServiceRun.payments(kafka, this.dirs.resolve("payments-again"), paymentsSettings,
					onTheScenarioClock);
			services.add(restarted);
			await("payments again holds every line's record and card").atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(lines).allMatch((line) -> chargeable(restarted, line)));
			clock.run(OUTAGE_SPEED);
			awaitClock(clock, outageEnds);
			stripe.ledger().creationsFail(false);
			long chargesDuringOutage = stripe.ledger().charges().size();
			int sentDuringOutage = stripe.exchanges().size();

			// every renewal has its outcome at D−3: gateway_unavailable (or, for one that
			// payments still had to try, a charge right after the outage)
			await("an outcome of every first attempt").atMost(Duration.ofSeconds(Scale.current().pick(60, 300)))
				.untilAsserted(() -> assertThat(firstOutcomes(outcomes, ours)).hasSize(size));
			Set<Msisdn> unavailable = firstOutcomes(outcomes, ours).entrySet()
				.stream()
				.filter((e) -> e.getValue() instanceof PaymentFailed failed
						&& PaymentFailed.GATEWAY_UNAVAILABLE.equals(failed.reason()))
				.map(Map.Entry::getKey)
				.collect(Collectors.toSet());
			await("a pay link emailed to each holder whose charge Stripe could not take")
				.atMost(Duration.ofSeconds(Scale.current().pick(60, 300)))
				.untilAsserted(() -> assertThat(payLinkEmails(smtp).keySet()).containsAll(emails(unavailable)));
			Instant remindedBy = clock.instant();

			clock.runFrom(secondAttempt.minus(Duration.ofMinutes(1)), AFTER_SPEED);
			stripe.ledger().advanceClock(Duration.between(chargeDay, secondAttempt));
			await("every cycle paid").atMost(Duration.ofSeconds(Scale.current().pick(90, 600)))
				.untilAsserted(() -> assertThat(paid(outcomes, ours)).hasSize(size));
			await("every renewal confirmed, nothing more").atMost(Duration.ofSeconds(Scale.current().pick(60, 300)))
				.untilAsserted(() -> assertThat(deadlines.values(RenewalConfirmed.class)
					.stream()
					.filter((c) -> ours.contains(c.msisdn()))
					.map(RenewalConfirmed::msisdn)
					.distinct()).hasSize(size));
			await("nothing more").during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(30))
				.until(() -> paid(outcomes, ours).size() == size);

			List<Charge> charges = stripe.ledger().chargesFor(numbers);
			Map<String, Long> chargesPerLine = charges.stream()
				.collect(Collectors.groupingBy((c) -> c.metadata("keepline_msisdn"), Collectors.counting()));
			List<PaymentSucceeded> paid = paid(outcomes, ours);
			Map<String, List<URI>> payLinks = payLinkEmails(smtp);
			Map<Msisdn, ReminderDue> failureReminders = deadlines.values(ReminderDue.class)
				.stream()
				.filter((r) -> ours.contains(r.msisdn()) && r.trigger() == ReminderTrigger.AUTO_RENEWAL_FAILED)
				.collect(Collectors.toMap(ReminderDue::msisdn, Function.identity(), (a, b) -> a));
			List<Exchange> sent = stripe.sentFor(numbers);
			long chargeErrors = sent.stream().filter((e) -> e.status() >= 500).count();
			long replayedErrors = sent.stream().filter((e) -> e.status() >= 500 && e.replayed()).count();
			long replayedAfterRestart = stripe.exchanges()
				.subList(sentBeforeRestart, stripe.exchanges().size())
				.stream()
				.filter((e) -> e.status() >= 500 && e.replayed())
				.count();
			long deadLettered = deadLetters.records().size();

			assertThat(stripe.ledger().lookupErrors()).as("lookups answered 500 while Stripe was wholly down")
				.isPositive();
			assertThat(sentWhileWhollyDown).as("charges sent while Stripe answered no lookup").isZero();
			assertThat(chargeErrors).as("charges answered 500 while creations failed").isPositive();
			assertThat(replayedAfterRestart).as("charges sent again after the restart that met Stripe's saved 500")
				.isPositive();
			assertThat(chargesDuringOutage).as("charges made during the outage").isZero();
			assertThat(unavailable).as("renewals Stripe could not take before payments' deadline").isNotEmpty();
			assertThat(paid).as("one success per cycle").hasSize(size);
			assertThat(chargesPerLine).as("charges per line").hasSize(size);
			assertThat(chargesPerLine.values()).as("charges per line").containsOnly(1L);
			assertThat(ours).allSatisfy((line) -> {
				if (!unavailable.contains(line)) {
					return;
				}
				assertThat(failureReminders).as("failure reminder of %s", line).containsKey(line);
				assertThat(failureReminders.get(line).occurredAt()).isBefore(lapse);
				assertThat(payLinks.get(email(line))).as("pay link emailed to the holder of %s", line).isNotEmpty();
			});
			assertThat(remindedBy).as("reminded before the lapse").isBefore(lapse);
			assertThat(deadLettered).as("renewals dead-lettered").isZero();
			assertThat(services).allSatisfy((service) -> assertThat(service.healthy()).isTrue());

			ReliabilityReport.of("stripe-outage-on-charge-day")
				.count("cycles", size)
				.count("outage-scenario-minutes", OUTAGE.toMinutes())
				.count("outage-real-seconds", (long) (OUTAGE.toSeconds() / OUTAGE_SPEED))
				.count("lookup-500s", stripe.ledger().lookupErrors())
				.count("charge-500s", chargeErrors)
				.count("replayed-500s", replayedErrors)
				.count("replayed-500s-after-restart", replayedAfterRestart)
				.count("charges-sent-during-outage", sentDuringOutage)
				.count("gateway-unavailable", unavailable.size())
				.count("failure-reminders", failureReminders.size())
				.count("pay-link-emails", payLinks.values().stream().mapToLong(List::size).sum())
				.count("paid-at-d-3", paid.stream().filter((p) -> p.attempt() != null && p.attempt() == 1).count())
				.count("paid-at-d-2", paid.stream().filter((p) -> p.attempt() != null && p.attempt() == 2).count())
				.count("charges-made", charges.size())
				.count("double-charges", chargesPerLine.values().stream().mapToLong((n) -> n - 1).sum())
				.count("dead-lettered", deadLettered)
				.count("seconds", Duration.ofNanos(System.nanoTime() - started).toSeconds())
				.write();
		}
		finally {
			services.forEach(ServiceRun::close);
		}
	}

	static boolean chosen() {
		return Scale.current() == Scale.FULL
				|| "run".equals(System.getProperty("keepline.reliability.full-only-scenarios"));
	}

	private Map<String, String> paymentsSettings(StripeStub stripe) {
		Map<String, String> settings = new HashMap<>();
		settings.put("keepline.payments.mode", "stripe");
		settings.put("keepline.payments.stripe.api-key", API_KEY);
		settings.put("keepline.payments.stripe.api-base", stripe.baseUrl());
		settings.put("keepline.payments.stripe.max-network-retries", "0");
		settings.put("keepline.payments.gateway-retry.initial-backoff", "PT0.5S");
		settings.put("keepline.payments.gateway-retry.deadline", GATEWAY_DEADLINE.toString());
		settings.put("keepline.payments.reconcile-interval", "PT1H");
		// one consumer group and one address across the restart
		settings.put("keepline.payments.group-id", Unique.name("payments-charge-day"));
		settings.put("server.port", Integer.toString(FreePorts.find()));
		settings.put("keepline.payments.gateway-retry.max-backoff", "PT" + Scale.current().pick(2, 10) + "S");
		return settings;
	}

	/** Waits, without sleeping, until the scenario's clock has reached {@code at}. */
	private static void awaitClock(ScenarioClock clock, Instant at) {
		await("the clock at " + at).atMost(clock.realTimeUntil(at).plusSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !clock.instant().isBefore(at));
	}

	private static String email(Msisdn msisdn) {
		return "h" + msisdn.value().substring(1) + "@holders.example";
	}

	private static List<String> emails(Set<Msisdn> lines) {
		return lines.stream().map(StripeOutageOnChargeDayTest::email).toList();
	}

	private static PaymentMethodSaved cardSaved(LineRegistered line) {
		String digits = line.msisdn().value().substring(1);
		return new PaymentMethodSaved(UUID.randomUUID(), line.occurredAt().plusSeconds(60), line.msisdn(),
				new PaymentMethodRef("cus_" + digits, "pm_" + digits, "visa", "4242", 12, 2035), "seti_" + digits,
				"evt_seti_" + digits);
	}

	/** Whether payments' views hold the line's record and its holder's card. */
	private static boolean chargeable(ServiceRun payments, LineRegistered line) {
		Optional<LineRecord> record = payments.bean(LineRecordLookup.class).find(line.msisdn());
		return record.isPresent() && record.get().autoRenewal().active()
				&& payments.bean(PaymentHistoryLookup.class)
					.history(line.msisdn())
					.flatMap((history) -> history.methodSince(line.occurredAt()))
					.isPresent();
	}

	/** The latest record of each of {@code ours}. */
	private static Map<Msisdn, LineRecord> latest(TopicProbe<Msisdn, LineRecord> records, Set<Msisdn> ours) {
		Map<Msisdn, LineRecord> latest = new HashMap<>();
		records.values().stream().filter((r) -> r != null && ours.contains(r.msisdn())).forEach((r) -> {
			latest.put(r.msisdn(), r);
		});
		return latest;
	}

	/** The first outcome payments published for each line's first attempt. */
	private static Map<Msisdn, PaymentEvent> firstOutcomes(TopicProbe<Msisdn, PaymentEvent> outcomes,
			Set<Msisdn> ours) {
		Map<Msisdn, PaymentEvent> first = new HashMap<>();
		for (PaymentEvent event : outcomes.values()) {
			if (ours.contains(event.msisdn()) && ((event instanceof PaymentFailed failed && attempt(failed.attempt()))
					|| (event instanceof PaymentSucceeded ok && attempt(ok.attempt())))) {
				first.putIfAbsent(event.msisdn(), event);
			}
		}
		return first;
	}

	private static boolean attempt(Integer attempt) {
		return attempt != null && attempt == 1;
	}

	private static List<PaymentSucceeded> paid(TopicProbe<Msisdn, PaymentEvent> outcomes, Set<Msisdn> ours) {
		return outcomes.values(PaymentSucceeded.class).stream().filter((ok) -> ours.contains(ok.msisdn())).toList();
	}

	/** The pay links each holder's email received, by address. */
	private static Map<String, List<URI>> payLinkEmails(MailOutbox smtp) throws MessagingException, IOException {
		Map<String, List<URI>> links = new HashMap<>();
		for (MimeMessage message : smtp.messages()) {
			String text = text(message);
			int at = text.indexOf("/pay/");
			if (at < 0) {
				continue;
			}
			int start = text.lastIndexOf("http", at);
			int end = at;
			while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"'
					&& text.charAt(end) != '<') {
				end++;
			}
			links.computeIfAbsent(message.getAllRecipients()[0].toString(), (address) -> new ArrayList<>())
				.add(URI.create(text.substring(start, end)));
		}
		return links;
	}

	private static String text(Part part) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof String text) {
			return text;
		}
		if (content instanceof Multipart multipart) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				all.append(text(body)).append('\n');
			}
			return all.toString();
		}
		return "";
	}

	private static <V> void send(OwnBroker broker, Topic<Msisdn, V> topic, List<? extends V> events,
			Function<V, Msisdn> key) throws Exception {
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		try (KafkaProducer<Msisdn, V> producer = new KafkaProducer<>(broker.producerProperties(),
				topic.keySerde().serializer(), topic.valueSerde().serializer())) {
			for (V event : events) {
				sent.add(producer.send(new ProducerRecord<>(topic.name(), key.apply(event), event)));
			}
			producer.flush();
			for (Future<RecordMetadata> future : sent) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
	}

}
