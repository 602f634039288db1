package io.keepline.reliability.outbound;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.reliability.LineRecords;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ServiceRun;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #18: one operator's holders point their webhooks at a receiver that drips its
 * answer one byte a second and at one that never answers, while 1,000 other holders'
 * emails and SMS go out. The others must be delivered about as fast as without the
 * hostile receivers (p99 delay from publication to {@code NotificationSent} within
 * {@link #MARGIN} of the baseline's, far below one webhook deadline: webhook deliveries
 * run off the listener threads), and the hostile webhooks deferred, never sent. Each
 * phase publishes its reminders at a steady pace the notifier keeps up with, so that a
 * delay is a message's own, not the queue's: a thread held by a hostile receiver shows in
 * it.
 */
@RealKafka
class HostileReceiversTest {

	private static final Scale SCALE = Scale.current();

	private static final int OTHERS = SCALE.pick(1_000, 5_000);

	private static final int HOSTILE = SCALE.pick(40, 200);

	/** Reminders sent first and not measured: connections opened, code warmed up. */
	private static final int WARM_UP = 200;

	/** Reminders published per second in each phase. */
	private static final int PACE = 50;

	/** The overall deadline of one webhook or SMS call in this scenario. */
	private static final Duration DEADLINE = Duration.ofSeconds(2);

	/** How much later than the baseline's the others' p99 delay may be. */
	private static final Duration MARGIN = Duration.ofMillis(250);

	private static final OperatorId HOSTILE_OPERATOR = OperatorId.of("proximus");

	private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private final WireMockServer sms = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private HostileReceiver drip;

	private HostileReceiver blackhole;

	private ServiceRun notifier;

	private TopicProbe<Msisdn, NotificationEvent> outcomes;

	private KafkaProducer<Msisdn, DeadlineEvent> scheduler;

	private LineRecords lines;

	@BeforeEach
	void start(KafkaCluster cluster) throws IOException {
		cluster.createTopics(Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.LINES);
		this.smtp.start();
		this.sms.start();
		this.sms.stubFor(post(urlMatching("/2010-04-01/Accounts/AC1/Messages.json"))
			.willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SMreliability\"}")));
		this.drip = HostileReceiver.drip();
		this.blackhole = HostileReceiver.blackhole();
		String group = Unique.name("notifier-hostile");
		cluster.startGroupAtEnd(group, Topics.DEADLINE_EVENTS);
		Map<String, String> overrides = new HashMap<>();
		overrides.put("keepline.notifier.group-id", group);
		overrides.put("spring.kafka.listener.concurrency", "3");
		overrides.put("keepline.notifier.http-timeout", DEADLINE.toMillis() + "ms");
		overrides.put("keepline.notifier.rate-limit.sms", "5000");
		overrides.put("keepline.notifier.sms.provider", "twilio");
		overrides.put("keepline.notifier.sms.base-url", this.sms.baseUrl());
		overrides.put("keepline.notifier.sms.account-sid", "AC1");
		overrides.put("keepline.notifier.sms.auth-token", "token");
		overrides.put("keepline.notifier.sms.from", "Keepline");
		// The hostile receivers listen on this machine: allowed as the standalone allows
		// its outbox.
		overrides.put("keepline.outbound.allowed-local-origins", this.drip.origin() + "," + this.blackhole.origin());
		this.notifier = ServiceRun.notifier(cluster.bootstrapServers(), "127.0.0.1", this.smtp.getSmtp().getPort(),
				overrides);
		this.outcomes = TopicProbe.of(cluster, Topics.NOTIFICATION_EVENTS);
		this.scheduler = new KafkaProducer<>(cluster.producerProperties(), Topics.MSISDN.serializer(),
				Topics.DEADLINE_EVENTS.valueSerde().serializer());
		this.lines = new LineRecords(cluster);
	}

	@AfterEach
	void stop() throws IOException {
		this.lines.close();
		this.scheduler.close();
		this.outcomes.close();
		this.notifier.close();
		this.drip.close();
		this.blackhole.close();
		this.sms.stop();
		this.smtp.stop();
	}

	@Test
	void deliversOtherHoldersOnTimeWhileOneOperatorsReceiversHang() {
		Instant started = Instant.now();
		awaitSent(publish(WARM_UP, 0));
		Map<Msisdn, Instant> baseline = publish(OTHERS, 0);
		List<Duration> baselineDelays = awaitSent(baseline);

		Map<Msisdn, Instant> others = publish(OTHERS, HOSTILE);
		List<Duration> delays = awaitSent(others);
		List<Msisdn> hostile = this.hostile;

		await("both hostile receivers called").atMost(Duration.ofSeconds(60))
			.until(() -> this.drip.connections() > 0 && this.blackhole.connections() > 0);
		await("every hostile webhook deferred at least once").atMost(Duration.ofSeconds(60))
			.until(() -> hostile.stream().allMatch((msisdn) -> failures(msisdn).size() > 0));
		List<NotificationFailed> deferred = this.outcomes.values(NotificationFailed.class)
			.stream()
			.filter((failed) -> hostile.contains(failed.msisdn()))
			.toList();
		assertThat(deferred).allSatisfy((failed) -> {
			assertThat(failed.permanent()).isFalse();
			assertThat(failed.reason()).isIn("webhook_deadline", "webhook_host_busy", "webhook_operator_busy",
					"webhook_unreachable", "webhook_pool_full");
		});
		assertThat(this.outcomes.values(NotificationSent.class)).noneMatch((sent) -> hostile.contains(sent.msisdn()));

		Duration baselineP99 = percentile(baselineDelays, 99);
		Duration hostileP99 = percentile(delays, 99);
		assertThat(hostileP99)
			.as("p99 delay of the others beside the hostile receivers (p50/p99/max: baseline %s/%s/%s, beside them %s/%s/%s)",
					percentile(baselineDelays, 50), baselineP99, percentile(baselineDelays, 100),
					percentile(delays, 50), hostileP99, percentile(delays, 100))
			.isLessThan(baselineP99.plus(MARGIN));

		ReliabilityReport.of("hostile-webhook-receivers")
			.count("others-per-phase", OTHERS)
			.count("hostile-holders", HOSTILE)
			.count("deadline-ms", DEADLINE.toMillis())
			.count("margin-ms", MARGIN.toMillis())
			.count("others-delivered-baseline", baselineDelays.size())
			.count("others-delivered-beside-hostile", delays.size())
			.count("p50-ms-baseline", percentile(baselineDelays, 50).toMillis())
			.count("p99-ms-baseline", baselineP99.toMillis())
			.count("max-ms-baseline", percentile(baselineDelays, 100).toMillis())
			.count("p50-ms-beside-hostile", percentile(delays, 50).toMillis())
			.count("p99-ms-beside-hostile", hostileP99.toMillis())
			.count("max-ms-beside-hostile", percentile(delays, 100).toMillis())
			.count("drip-connections", this.drip.connections())
			.count("blackhole-connections", this.blackhole.connections())
			.count("hostile-deferrals", deferred.size())
			.count("hostile-deadline-hits",
					deferred.stream().filter((f) -> f.reason().equals("webhook_deadline")).count())
			.count("hostile-sent", 0)
			.count("duration-seconds", Duration.between(started, Instant.now()).toSeconds())
			.write();
	}

	private final List<Msisdn> hostile = new ArrayList<>();

	/**
	 * Publishes {@code others} reminders (half email, half SMS, operators orange and
	 * base) with {@code hostile} webhook-only holders of one operator spread among them,
	 * after their line records (which the notifier reads before it sends); returns the
	 * others with the instant each was handed to the producer.
	 */
	private Map<Msisdn, Instant> publish(int others, int hostile) {
		List<ReminderDue> reminders = new ArrayList<>();
		Map<Msisdn, Holder> holders = new HashMap<>();
		Set<Msisdn> measured = new HashSet<>();
		int every = (hostile > 0) ? Math.max(1, others / hostile) : Integer.MAX_VALUE;
		for (int i = 0; i < others; i++) {
			if (i % every == 0 && this.hostile.size() < hostile) {
				URI hook = URI.create(((this.hostile.size() % 2 == 0) ? this.drip : this.blackhole).origin() + "/hook");
				Msisdn msisdn = Unique.msisdn();
				this.hostile.add(msisdn);
				holders.put(msisdn,
						new Holder("Mallory", null, null, hook, HolderLocale.EN, ZoneId.of("Europe/Brussels")));
				reminders.add(reminder(msisdn, HOSTILE_OPERATOR));
			}
			Msisdn msisdn = Unique.msisdn();
			Holder holder = (i % 2 == 0)
					? new Holder("Ana", Unique.name("ana") + "@example.com", null, null, HolderLocale.FR,
							ZoneId.of("Europe/Brussels"))
					: new Holder("Jan", null, msisdn, null, HolderLocale.NL, ZoneId.of("Europe/Brussels"));
			holders.put(msisdn, holder);
			reminders.add(reminder(msisdn, OperatorId.of((i % 3 == 0) ? "base" : "orange")));
			measured.add(msisdn);
		}
		this.lines.write(reminders.stream()
			.map((reminder) -> LineRecords.openFor(reminder, holders.get(reminder.msisdn())))
			.toList(), this.notifier.bean(LineLookup.class)::find);
		Map<Msisdn, Instant> published = new ConcurrentHashMap<>();
		Iterator<ReminderDue> next = reminders.iterator();
		CompletableFuture<Void> done = new CompletableFuture<>();
		ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
		pacer.scheduleAtFixedRate(() -> {
			if (!next.hasNext()) {
				done.complete(null);
				return;
			}
			ReminderDue reminder = next.next();
			send(reminder);
			if (measured.contains(reminder.msisdn())) {
				published.put(reminder.msisdn(), Instant.now());
			}
		}, 0, TimeUnit.SECONDS.toNanos(1) / PACE, TimeUnit.NANOSECONDS);
		try {
			done.get(reminders.size() / PACE + 60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("the reminders were not all published", ex);
		}
		finally {
			pacer.shutdownNow();
		}
		this.scheduler.flush();
		return published;
	}

	private void send(ReminderDue reminder) {
		this.scheduler.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), reminder.msisdn(), reminder));
	}

	private List<Duration> awaitSent(Map<Msisdn, Instant> published) {
		Map<Msisdn, Instant> sent = new HashMap<>();
		await("every other holder's reminder sent").atMost(Duration.ofSeconds(SCALE.pick(180, 600)))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				for (NotificationSent event : this.outcomes.values(NotificationSent.class)) {
					if (published.containsKey(event.msisdn())) {
						sent.putIfAbsent(event.msisdn(), event.occurredAt());
					}
				}
				return sent.size() == published.size();
			});
		List<Duration> delays = new ArrayList<>();
		sent.forEach((msisdn, at) -> delays.add(Duration.between(published.get(msisdn), at)));
		delays.sort(null);
		return delays;
	}

	private List<NotificationFailed> failures(Msisdn msisdn) {
		return this.outcomes.values(NotificationFailed.class)
			.stream()
			.filter((failed) -> failed.msisdn().equals(msisdn))
			.toList();
	}

	private static Duration percentile(List<Duration> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static ReminderDue reminder(Msisdn msisdn, OperatorId operator) {
		return new ReminderDue(UUID.randomUUID(), Instant.now(), msisdn, operator, LocalDate.now().plusDays(7), 7,
				Instant.now(), ReminderTrigger.SCHEDULED, Money.of(1500, "EUR"), null, null);
	}

}
