package io.keepline.scheduler.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.deadline.DueEntry;
import io.keepline.scheduler.deadline.DueKind;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.testsupport.AcceleratedClock;
import io.keepline.testsupport.GroupOffsets;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two scheduler instances share the work; one is killed (SIGKILL, separate JVM) while
 * reminders fall due. A read_committed consumer must see every due reminder exactly once.
 */
@RealKafka
class CrashRecoveryTest {

	/**
	 * A day before anything falls due, so both instances have processed every
	 * registration by then.
	 */
	private static final Instant BASE = Instant.parse("2027-02-28T00:00:00Z");

	/** Three scheduler hours per real second. */
	private static final long SPEED = 10_800;

	private static final List<String> ZONES = List.of("Asia/Shanghai", "Europe/Brussels", "America/New_York");

	private static final int LINES = 60;

	private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);

	@TempDir
	Path dirs;

	@Test
	void emitsEveryDueReminderExactlyOnceWhenAnInstanceIsKilled(KafkaCluster cluster) throws Exception {
		cluster.createTopics(Topics.LINE_EVENTS, Topics.PAYMENT_EVENTS, Topics.DEADLINE_EVENTS, Topics.LINES);
		String applicationId = Unique.name("scheduler-crash");
		// The partitions must have a leader that accepts writes before we produce:
		// a produce racing the creation of a partition can get stuck and lose a batch.
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.until(() -> GroupOffsets.endOffsets(cluster, Topics.LINE_EVENTS).size() == Topics.LINE_EVENTS
				.partitions());
		List<Msisdn> lines = register(cluster);
		Map<TopicPartition, Long> endOffsets = GroupOffsets.endOffsets(cluster, Topics.LINE_EVENTS);
		Set<Msisdn> ours = Set.copyOf(lines);
		Path clockStart = this.dirs.resolve("clock-start");
		Process victim = startVictim(cluster, applicationId, clockStart);
		KafkaStreams survivor = null;
		try (TopicProbe<Msisdn, DeadlineEvent> probe = TopicProbe.of(cluster, Topics.DEADLINE_EVENTS)) {
			survivor = SchedulerNode.start(cluster.bootstrapServers(), applicationId,
					this.dirs.resolve("survivor").toString(), new AcceleratedClock(BASE, clockStart, SPEED));
			KafkaStreams running = survivor;
			await().atMost(Duration.ofSeconds(90))
				.until(() -> running.state() == KafkaStreams.State.RUNNING
						&& lastState(this.dirs.resolve("victim.log")).equals("RUNNING")
						&& GroupOffsets.committedUpTo(cluster, applicationId, endOffsets));
			// Every line planned both reminders,
			// as seen by the survivor (active or standby).
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(lines).allSatisfy(
						(line) -> assertThat(plannedReminders(running, line)).as("reminder stages planned for %s", line)
							.containsExactlyInAnyOrder(1, 2)));
			AcceleratedClock.start(clockStart, System.currentTimeMillis());
			log.info("Clock started");
			await().atMost(Duration.ofSeconds(60))
				.until(() -> ours(probe, ours, ReminderDue.class).size() >= LINES / 3);
			log.info("Killing the victim");
			victim.destroyForcibly().waitFor();
			int seenAtKill = ours(probe, ours, ReminderDue.class).size();
			long killedAt = System.nanoTime();
			try {
				// Session timeout (6 s) + transaction timeout (5 s)
				// + the broker's abort sweep (10 s) + restoration:
				// well under a minute even on a loaded machine.
				await().atMost(Duration.ofSeconds(90))
					.until(() -> ours(probe, ours, ReminderDue.class).size() >= 2 * LINES);
			}
			catch (ConditionTimeoutException ex) {
				throw new AssertionError(diagnose(probe, lines, running, seenAtKill), ex);
			}
			log.info("Every reminder seen {} ms after the kill ({} before it)",
					Duration.ofNanos(System.nanoTime() - killedAt).toMillis(), seenAtKill);
			// a duplicate, if there were one, would show up right behind
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
			List<ReminderDue> reminders = ours(probe, ours, ReminderDue.class);
			assertThat(seenAtKill).isLessThan(2 * LINES);
			assertThat(reminders).extracting(ReminderDue::trigger).containsOnly(ReminderTrigger.SCHEDULED);
			assertThat(reminders).hasSize(2 * LINES);
			assertThat(reminders.stream()
				.collect(Collectors.groupingBy((r) -> r.msisdn() + "/" + r.stage(), Collectors.counting())))
				.hasSize(2 * LINES)
				.allSatisfy((slot, count) -> assertThat(count).isOne());
			assertThat(reminders).extracting(ReminderDue::eventId).doesNotHaveDuplicates();
		}
		finally {
			victim.destroyForcibly();
			if (survivor != null) {
				survivor.close(Duration.ofSeconds(10));
			}
		}
	}

	/**
	 * Registers the lines and checks that every registration was written: a lost one
	 * would only show up minutes later as missing reminders.
	 */
	private static List<Msisdn> register(KafkaCluster cluster) throws Exception {
		List<Msisdn> lines = new ArrayList<>();
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		Map<String, Object> properties = new HashMap<>(cluster.producerProperties());
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		try (KafkaProducer<Msisdn, LineEvent> producer = new KafkaProducer<>(properties,
				Topics.LINE_EVENTS.keySerde().serializer(), Topics.LINE_EVENTS.valueSerde().serializer())) {
			for (int i = 0; i < LINES; i++) {
				Msisdn line = Unique.msisdn();
				lines.add(line);
				sent.add(producer.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line, Fixtures.registered(line,
						LocalDate.parse("2027-03-03"), ZONES.get(i % ZONES.size()), List.of(2, 1), false, BASE))));
			}
			producer.flush();
			for (Future<RecordMetadata> future : sent) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		return lines;
	}

	/** The reminder stages planned for {@code line} in any of the instance's stores. */
	private static List<Integer> plannedReminders(KafkaStreams streams, Msisdn line) {
		LineState state = lineState(streams, line);
		return (state != null) ? state.planned()
			.stream()
			.filter((entry) -> entry.kind() == DueKind.REMINDER)
			.map(DueEntry::stage)
			.toList() : List.of();
	}

	private static LineState lineState(KafkaStreams streams, Msisdn line) {
		return streams
			.store(StoreQueryParameters
				.fromNameAndType(SchedulerTopology.LINES_STORE, QueryableStoreTypes.<Msisdn, LineState>keyValueStore())
				.enableStaleStores())
			.get(line);
	}

	/**
	 * What went wrong: the slots missing or duplicated, and what the survivor's store
	 * says about each line concerned (not registered, reminder still planned, or marked
	 * done in the cycle although never seen committed).
	 */
	private static String diagnose(TopicProbe<Msisdn, DeadlineEvent> probe, List<Msisdn> lines, KafkaStreams survivor,
			int seenAtKill) {
		List<ReminderDue> reminders = ours(probe, Set.copyOf(lines), ReminderDue.class);
		Map<String, Long> counts = reminders.stream()
			.collect(Collectors.groupingBy((r) -> r.msisdn().value() + "/R" + r.stage(), Collectors.counting()));
		StringBuilder report = new StringBuilder().append(reminders.size())
			.append(" of ")
			.append(2 * LINES)
			.append(" reminders seen (")
			.append(seenAtKill)
			.append(" at the kill), ")
			.append(probe.unreadable())
			.append(" unreadable records; survivor ")
			.append(survivor.state())
			.append(System.lineSeparator());
		for (Msisdn line : lines) {
			for (int stage : List.of(2, 1)) {
				long count = counts.getOrDefault(line.value() + "/R" + stage, 0L);
				if (count != 1) {
					report.append(line.value())
						.append(" R")
						.append(stage)
						.append(" seen ")
						.append(count)
						.append("x; survivor has ")
						.append(describe(survivor, line))
						.append(System.lineSeparator());
				}
			}
		}
		return report.toString();
	}

	private static String describe(KafkaStreams survivor, Msisdn line) {
		try {
			LineState state = lineState(survivor, line);
			return (state != null) ? state.status() + " cycle " + state.cycle() + " planned " + state.planned()
					+ " history " + state.history() : "no state (registration never processed?)";
		}
		catch (RuntimeException ex) {
			return "store unavailable: " + ex;
		}
	}

	/** The last Streams state the victim printed. */
	private static String lastState(Path log) throws IOException {
		String text = Files.readString(log);
		int at = text.lastIndexOf("STATE ");
		return (at < 0) ? "" : text.substring(at + "STATE ".length()).lines().findFirst().orElse("");
	}

	private Process startVictim(KafkaCluster cluster, String applicationId, Path clockStart) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		File log = this.dirs.resolve("victim.log").toFile();
		return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				SchedulerNode.class.getName(), cluster.bootstrapServers(), applicationId,
				this.dirs.resolve("victim").toString(), BASE.toString(), clockStart.toString(), Long.toString(SPEED))
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
	}

	private static <T extends DeadlineEvent> List<T> ours(TopicProbe<Msisdn, DeadlineEvent> probe, Set<Msisdn> ours,
			Class<T> type) {
		return probe.values(type).stream().filter((event) -> ours.contains(event.msisdn())).toList();
	}

}
