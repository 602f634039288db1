package io.keepline.reliability.schedulerkill;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.topic.Topics;
import io.keepline.reliability.ClockOverride;
import io.keepline.reliability.OwnBroker;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ServiceRun;
import io.keepline.testsupport.AcceleratedClock;
import io.keepline.testsupport.GroupOffsets;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two scheduler instances share the deadline work; one, in a JVM of its own, is killed
 * with SIGKILL several times while reminders fall due, and restarted on its state
 * directory after each kill. A read_committed reader must see every reminder exactly
 * once. Runs on a broker of its own so that its reminders never reach the notifiers and
 * payments of other scenarios, which read deadline-events from the beginning.
 */
class SchedulerKillsTest {

	private static final Logger log = LoggerFactory.getLogger(SchedulerKillsTest.class);

	/** Lines registered; each has four reminder stages. */
	private static final int LINES = Scale.current().pick(750, 25_000);

	private static final int KILLS = Scale.current().pick(2, 4);

	/** Real time over which the four days of reminders fall due. */
	private static final Duration SPAN = Duration.ofSeconds(Scale.current().pick(60, 600));

	/**
	 * Output more than this further behind the clock than at the kill counts as an
	 * outage.
	 */
	private static final long ON_TIME_MILLIS = 2_000;

	/** After a kill: the session timeout and the transaction timeout, with room. */
	private static final Duration FAILOVER = Duration.ofSeconds(10);

	private static final int TASKS = Topics.LINE_EVENTS.partitions();

	@TempDir
	Path dirs;

	@Test
	void emitsEveryReminderExactlyOnceWhileAnInstanceIsKilledAgainAndAgain() throws Exception {
		long began = System.nanoTime();
		ReminderPlan plan = ReminderPlan.of(LINES, Instant.parse("2027-01-01T00:00:00Z"));
		Instant base = plan.firstDue().minus(Duration.ofHours(1));
		long speed = Duration.between(base, plan.lastDue()).toMillis() / SPAN.toMillis();
		Path clockStart = this.dirs.resolve("clock-start");
		AcceleratedClock clock = new AcceleratedClock(base, clockStart, speed);
		String applicationId = Unique.name("scheduler-kills");
		try (OwnBroker broker = OwnBroker.start(this.dirs.resolve("kafka"));
				VictimScheduler victim = new VictimScheduler(broker.bootstrapServers(), applicationId,
						this.dirs.resolve("victim"), base, clockStart, speed,
						ReliabilityReport.directory().resolve("scheduler-kills-victim.log"))) {
			register(broker, plan.registrations());
			Map<TopicPartition, Long> registered = GroupOffsets.endOffsets(broker, Topics.LINE_EVENTS);
			victim.start();
			try (ServiceRun survivor = ServiceRun.scheduler(broker.bootstrapServers(), this.dirs.resolve("survivor"),
					VictimScheduler.settings(applicationId), new ClockOverride(clock));
					TopicProbe<Msisdn, DeadlineEvent> probe = TopicProbe.of(broker, Topics.DEADLINE_EVENTS);
					ReminderWatch watch = new ReminderWatch(probe, plan, clock, speed)) {
				await("both instances running, every registration processed").atMost(Duration.ofSeconds(300))
					.pollInterval(Duration.ofMillis(250))
					.until(() -> victim.healthy() && survivor.healthy()
							&& GroupOffsets.committedUpTo(broker, applicationId, registered));
				long clockStarted = System.currentTimeMillis();
				AcceleratedClock.start(clockStart, clockStarted);
				watch.start();
				log.info("Clock started: {} reminders over {} s, {} kills", plan.reminders(), SPAN.toSeconds(), KILLS);
				Kills kills = new Kills(base, speed, clockStarted);
				for (int k = 1; k <= KILLS; k++) {
					// at 1/5 and 2/5 of the span (quick), leaving room for slow restarts
					kill(victim, survivor, watch, kills,
							base.plus(Duration.between(base, plan.lastDue()).multipliedBy(k).dividedBy(KILLS + 3)),
							clock);
				}
				try {
					await("every reminder").atMost(SPAN.plus(Duration.ofSeconds(300)))
						.pollInterval(Duration.ofMillis(250))
						.until(() -> watch.distinct() == plan.reminders());
				}
				catch (ConditionTimeoutException ex) {
					throw new AssertionError(watch.describeGaps(20) + System.lineSeparator() + victim.logTail(60), ex);
				}
				// a duplicate, if there were one, would show up right behind
				await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
				watch.tick();

				assertThat(watch.wrong()).as("reminders that are not the plan's").isEmpty();
				assertThat(watch.distinct()).isEqualTo(plan.reminders());
				assertThat(watch.duplicates()).as(watch.describeGaps(20)).isZero();
				assertThat(watch.repeatedEventIds()).isZero();
				assertThat(watch.seen()).isEqualTo(plan.reminders());
				assertThat(kills.size()).isEqualTo(KILLS);
				assertThat(kills.victimTasks()).allSatisfy((tasks) -> assertThat(tasks).isPositive());
				assertThat(kills.dueBefore(plan)).as("reminders due before each kill")
					.allSatisfy((n) -> assertThat(n).isPositive());
				assertThat(kills.dueDuring(plan, FAILOVER)).as("reminders due during each failover")
					.allSatisfy((n) -> assertThat(n).isPositive());

				List<ReminderWatch.Outage> outages = kills.outages(watch, ON_TIME_MILLIS, System.currentTimeMillis());
				watch.writeLag(ReliabilityReport.directory().resolve("scheduler-kills-lag.csv"), clockStarted);
				ReliabilityReport.of("scheduler-kills")
					.count("reminders-expected", plan.reminders())
					.count("reminders-seen", watch.seen())
					.count("distinct-slots", watch.distinct())
					.count("duplicates", watch.duplicates())
					.count("missing", watch.missing())
					.count("kills", kills.size())
					.count("victim-tasks-at-kill", kills.victimTasks().toString())
					.count("recovery-ms",
							outages.stream().map(ReminderWatch.Outage::recoveryMillis).toList().toString())
					.count("max-lag-ms", outages.stream().map(ReminderWatch.Outage::maxLagMillis).toList().toString())
					.count("due-before-kill", kills.dueBefore(plan).toString())
					.count("due-during-failover", kills.dueDuring(plan, FAILOVER).toString())
					.count("due-after-last-kill", kills.dueAfterLast(plan))
					.count("duration-s", Duration.ofNanos(System.nanoTime() - began).toSeconds())
					.write();
			}
		}
	}

	/**
	 * Once the clock has reached {@code due}, the output is on time again after the last
	 * kill, and the victim runs and owns active tasks, kills it with SIGKILL and starts
	 * it again at once, as a supervisor would.
	 */
	private static void kill(VictimScheduler victim, ServiceRun survivor, ReminderWatch watch, Kills kills, Instant due,
			AcceleratedClock clock) throws Exception {
		int k = kills.size() + 1;
		try {
			await("kill " + k + ": output on time, victim running and owning tasks").atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> !clock.instant().isBefore(due) && watch.lagNow() <= ON_TIME_MILLIS && victim.healthy()
						&& victimTasks(survivor) > 0);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("kill " + k + " never ready: victim healthy " + victim.healthy()
					+ ", victim tasks " + victimTasks(survivor) + ", lag " + watch.lagNow() + " ms; "
					+ watch.describeGaps(10) + System.lineSeparator() + victim.logTail(40), ex);
		}
		int tasks = victimTasks(survivor);
		long lag = watch.lagNow();
		victim.kill();
		kills.add(new Kills.Kill(System.currentTimeMillis(), tasks, lag));
		log.info("Kill {} of the victim, which owned {} of {} tasks; output {} ms behind the clock", k, tasks, TASKS,
				lag);
		victim.start();
	}

	/**
	 * Active tasks the victim owns: all those the survivor does not, once both run.
	 */
	private static int victimTasks(ServiceRun survivor) {
		KafkaStreams streams = survivor.bean(StreamsBuilderFactoryBean.class).getKafkaStreams();
		if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
			return 0;
		}
		int own = 0;
		for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
			own += thread.activeTasks().size();
		}
		return TASKS - own;
	}

	/**
	 * Writes the registrations and checks that each was written: a lost one would only
	 * show up at the end as missing reminders.
	 */
	private static void register(OwnBroker broker, List<LineRegistered> registrations) throws Exception {
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		Map<String, Object> properties = broker.producerProperties();
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		try (KafkaProducer<Msisdn, LineEvent> producer = new KafkaProducer<>(properties,
				Topics.LINE_EVENTS.keySerde().serializer(), Topics.LINE_EVENTS.valueSerde().serializer())) {
			for (LineRegistered registration : registrations) {
				sent.add(producer
					.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), registration.msisdn(), registration)));
			}
			producer.flush();
			for (Future<RecordMetadata> future : sent) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
	}

}
