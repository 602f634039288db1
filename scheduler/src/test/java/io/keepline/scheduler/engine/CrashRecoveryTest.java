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
import java.util.stream.Collectors;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

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
		cluster.createTopics(Topics.LINE_EVENTS, Topics.PAYMENT_EVENTS, Topics.DEADLINE_EVENTS);
		String applicationId = Unique.name("scheduler-crash");
		List<Msisdn> lines = register(cluster);
		Map<TopicPartition, Long> endOffsets = endOffsets(cluster);
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
						&& registrationsProcessed(cluster, applicationId, endOffsets));
			AcceleratedClock.start(clockStart, System.currentTimeMillis());
			log.info("Clock started");
			await().atMost(Duration.ofSeconds(60))
				.until(() -> ours(probe, ours, ReminderDue.class).size() >= LINES / 3);
			log.info("Killing the victim");
			victim.destroyForcibly().waitFor();
			int seenAtKill = ours(probe, ours, ReminderDue.class).size();
			await().atMost(Duration.ofSeconds(120))
				.until(() -> ours(probe, ours, ReminderDue.class).size() >= 2 * LINES);
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

	private static List<Msisdn> register(KafkaCluster cluster) throws Exception {
		List<Msisdn> lines = new ArrayList<>();
		try (KafkaProducer<Msisdn, LineEvent> producer = new KafkaProducer<>(cluster.producerProperties(),
				Topics.LINE_EVENTS.keySerde().serializer(), Topics.LINE_EVENTS.valueSerde().serializer())) {
			for (int i = 0; i < LINES; i++) {
				Msisdn line = Unique.msisdn();
				lines.add(line);
				producer.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line, Fixtures.registered(line,
						LocalDate.parse("2027-03-03"), ZONES.get(i % ZONES.size()), List.of(2, 1), false, BASE)));
			}
			producer.flush();
		}
		return lines;
	}

	/** The last Streams state the victim printed. */
	private static String lastState(Path log) throws IOException {
		String text = Files.readString(log);
		int at = text.lastIndexOf("STATE ");
		return (at < 0) ? "" : text.substring(at + "STATE ".length()).lines().findFirst().orElse("");
	}

	private static Map<TopicPartition, Long> endOffsets(KafkaCluster cluster) throws Exception {
		try (Admin admin = Admin.create(cluster.adminProperties())) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (int p = 0; p < Topics.LINE_EVENTS.partitions(); p++) {
				latest.put(new TopicPartition(Topics.LINE_EVENTS.name(), p), OffsetSpec.latest());
			}
			Map<TopicPartition, Long> offsets = new HashMap<>();
			admin.listOffsets(latest).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
			return offsets;
		}
	}

	/**
	 * Whether the application committed every registration (so both instances are past
	 * them).
	 */
	private static boolean registrationsProcessed(KafkaCluster cluster, String applicationId,
			Map<TopicPartition, Long> endOffsets) throws Exception {
		try (Admin admin = Admin.create(cluster.adminProperties())) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
				.partitionsToOffsetAndMetadata()
				.get();
			return endOffsets.entrySet()
				.stream()
				.allMatch((end) -> end.getValue() == 0 || (committed.get(end.getKey()) != null
						&& committed.get(end.getKey()).offset() >= end.getValue()));
		}
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
