package io.keepline.bench.scheduler;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.keepline.bench.Figure;
import io.keepline.scheduler.deadline.EngineSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduler instance in a JVM of its own answers the suite's commands and reports its
 * own process's memory (heap, VmRSS, NMT); it needs no broker until it is started, so
 * this test starts none.
 */
class SchedulerJvmsTest {

	@Test
	void aSchedulerJvmReportsItsOwnMemoryAndEndsWhenClosed(@TempDir Path dir) throws Exception {
		ShiftedClock clock = new ShiftedClock();
		List<Long> pids;
		try (SchedulerJvms jvms = new SchedulerJvms("127.0.0.1:9", "bench-jvms-test", dir.resolve("state"), clock,
				EngineSettings.defaults(), 1, "256m")) {
			pids = jvms.pids();
			assertThat(pids).hasSize(1).doesNotContain(ProcessHandle.current().pid());
			jvms.jumpTo(Instant.parse("2026-01-01T00:00:00Z"));
			assertThat(jvms.emittedByInstance()).containsExactly(0L);
			assertThat(jvms.heapUsedAfterGc()).isPositive();
			Map<String, Double> memory = jvms.memory(7, dir.resolve("results"), System.out)
				.stream()
				.collect(Collectors.toMap(Figure::name, Figure::value));
			assertThat(memory.get("max heap (-Xmx) (scheduler JVM 1)")).isEqualTo(256.0);
			assertThat(memory.get("resident memory (VmRSS) (scheduler JVM 1)")).isPositive();
			assertThat(memory.get("JVM native memory committed (NMT total, heap included) (scheduler JVM 1)"))
				.isPositive();
			assertThat(dir.resolve("results/scheduler-7-jvm1-nmt.txt")).content().contains("Native Memory Tracking");
		}
		assertThat(ProcessHandle.of(pids.get(0)).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
	}

}
