package io.keepline.bench.scheduler;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import javax.management.JMException;
import javax.management.ObjectName;

import io.keepline.bench.BenchContext;
import io.keepline.bench.BenchMode;
import io.keepline.bench.Comparison;
import io.keepline.bench.Figure;
import io.keepline.bench.ProgressLine;
import io.keepline.bench.Suite;
import io.keepline.bench.Waits;
import io.keepline.bench.baseline.BaselineClients;
import io.keepline.bench.baseline.ExactlyOnceCopyRate;
import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.deadline.EngineSettings;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The scheduler's own topology on one or more instances: lines registered into state,
 * reminders emitted when every line falls due at once, lateness at a steady arrival rate,
 * restart to first reminder, heap and RocksDB memory — beside an exactly-once copy of the
 * same records. Time jumps with a shifted clock; reminders are counted as a
 * read_committed consumer sees them.
 */
public final class SchedulerSuite implements Suite {

	private static final long MIB = 1024 * 1024;

	private static final Duration STALL = Duration.ofSeconds(90);

	@Override
	public String name() {
		return "scheduler";
	}

	@Override
	public List<Comparison> run(BenchContext context) throws Exception {
		List<Comparison> comparisons = new ArrayList<>();
		for (int lines : context.mode().schedulerLines()) {
			comparisons.addAll(run(context, lines));
		}
		return comparisons;
	}

	/** Lines registered only to be due right after the restart. */
	private static final int RESTART_LINES = 100;

	private List<Comparison> run(BenchContext context, int count) throws Exception {
		String bootstrap = context.bootstrapServers();
		EngineSettings settings = context.mode().schedulerSettings();
		context.out()
			.printf(Locale.ROOT, "   engine: a punctuation every %d ms, at most %,d entries or %d ms per task%s%n",
					settings.punctuationInterval().toMillis(), settings.maxPerPunctuation(),
					settings.maxPunctuationTime().toMillis(),
					settings.equals(EngineSettings.defaults()) ? " (the scheduler's defaults)" : " (NOT the defaults)");
		int partitions = context.mode().schedulerPartitions();
		int jvms = context.mode().schedulerJvms();
		int instances = (jvms > 0) ? jvms : context.mode().schedulerInstances();
		context.out()
			.printf(Locale.ROOT, "   %d partitions of line-events and payment-events (%s), %d scheduler instance%s%n",
					partitions, (partitions == Topics.DEFAULT_PARTITIONS) ? "the catalogue's" : "NOT the catalogue's",
					instances,
					(jvms > 0)
							? ((jvms == 1) ? " in a JVM of its own"
									: "s, each in a JVM of its own (-Xmx" + context.mode().schedulerJvmHeap()
											+ "), sharing the work")
							: (instances == 1) ? "" : "s in this JVM, sharing the work");
		// the scheduler's inputs first, co-partitioned, in the run's partition count
		BaselineClients.createTopics(bootstrap, List.of(new NewTopic(Topics.LINE_EVENTS.name(), partitions, (short) 1),
				new NewTopic(Topics.PAYMENT_EVENTS.name(), partitions, (short) 1)));
		BaselineClients.createCatalogueTopics(bootstrap);
		String size = String.format(Locale.ROOT, "%,d lines", count);
		// Deadlines lie in the real past, so that the records the scheduler writes at its
		// clock's time are never rejected by the broker as too far in the future.
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant burstDue = now.minus(Duration.ofDays(1));
		Instant restartDue = now.minus(Duration.ofDays(2));
		ShiftedClock clock = new ShiftedClock();
		clock.jumpTo(now.minus(Duration.ofDays(3)));
		Due burst = Due.at(burstDue);
		Due restart = Due.at(restartDue);
		String applicationId = "bench-scheduler-" + UUID.randomUUID();
		Path stateDir = Files.createTempDirectory("keepline-bench-scheduler");
		Timeline timeline = new Timeline();
		try (LineLoader loader = new LineLoader(bootstrap);
				Committed committed = new Committed(bootstrap, applicationId)) {
			long before = committed.available();
			try (ProgressLine progress = context.progress("writing " + size + " to line-events", count)) {
				loader.send(loader.template(burst.validUntil(), burst.zone(), List.of(7), clock.instant()), 0, count,
						progress);
				loader.send(loader.template(restart.validUntil(), restart.zone(), List.of(7), clock.instant()), count,
						count + RESTART_LINES, null);
				loader.flush();
			}
			List<Figure> memoryDetails = new ArrayList<>();
			SchedulerUnderTest engine = scheduler(context, applicationId, stateDir, clock);
			try (ReminderReader reader = new ReminderReader(bootstrap, clock, timeline)) {
				engine.start();
				long running = engine.awaitRunning(Duration.ofMinutes(2));
				long registrationCpu = processCpuNanos() + engine.otherProcessesCpuNanos();
				Figure registered;
				try (ProgressLine progress = context.progress("registering " + size + " into state",
						count + RESTART_LINES)) {
					long done = Waits.count("lines registered", before + count + RESTART_LINES, STALL,
							committed::committed, progress);
					registered = new Figure("lines registered into state (" + size + ")",
							(count + RESTART_LINES) / ((done - running) / 1e9), "lines/s");
				}
				Figure registrationCpuPerLine = new Figure("process CPU per line (all threads, broker included)",
						(processCpuNanos() + engine.otherProcessesCpuNanos() - registrationCpu) / 1e3
								/ (count + RESTART_LINES),
						"µs");
				Figure memory = memory(engine, count, memoryDetails);
				nativeMemory(context, count);
				Comparison processMemory = (engine instanceof SchedulerJvms forked)
						? processMemory(forked, count, context) : null;
				engine.close();

				timeline.mark("restart");
				ReminderReader.Phase afterRestart = reader.begin(RESTART_LINES);
				clock.jumpTo(restartDue.plusMillis(1));
				engine = scheduler(context, applicationId, stateDir, clock);
				long restarted = engine.start();
				try (ProgressLine progress = context.progress("restart, first reminders", RESTART_LINES)) {
					Waits.count("reminders after restart", RESTART_LINES, STALL, () -> {
						reader.check();
						return afterRestart.count.get();
					}, progress);
				}
				double firstSeconds = (afterRestart.firstNanos - restarted) / 1e9;

				timeline.mark(String.format(Locale.ROOT, "%,d due at once", count));
				ReminderReader.Phase all = reader.begin(count);
				double sentBefore = engine.recordsSent();
				List<Long> emittedBefore = engine.emittedByInstance();
				engine.jumpTo(burstDue.plusMillis(1));
				long jumped = System.nanoTime();
				long drainCpu = processCpuNanos() + engine.otherProcessesCpuNanos();
				try (ProgressLine progress = context.progress("draining " + size + " due at once", count)) {
					Waits.count("reminders of lines due at once", count, STALL, () -> {
						reader.check();
						return all.count.get();
					}, progress);
				}
				double seconds = (all.lastNanos - jumped) / 1e9;
				double recordsPerReminder = (engine.recordsSent() - sentBefore) / count;
				double cpuPerReminder = (processCpuNanos() + engine.otherProcessesCpuNanos() - drainCpu) / 1e3 / count;
				List<Figure> drainDetails = new ArrayList<>(List.of(
						all.lateness.figure("lateness p50 (all due at once)", 50),
						all.lateness.figure("lateness p99 (all due at once)", 99),
						all.lateness.figure("lateness max (all due at once)", 100),
						new Figure("time to drain", seconds, "s"),
						new Figure("process CPU per reminder (all threads, broker included)", cpuPerReminder, "µs"),
						new Figure("records written per reminder (changelogs and outputs)", recordsPerReminder,
								"records"),
						new Figure("engine: most entries per task and punctuation", settings.maxPerPunctuation(),
								"entries"),
						new Figure("tasks (partitions)", partitions, "tasks"),
						new Figure("reminders/s per task", count / seconds / partitions, "reminders/s")));
				List<Long> emittedAfter = engine.emittedByInstance();
				String instance = (jvms > 0) ? "scheduler JVM " : "instance ";
				for (int i = 0; i < instances && instances > 1; i++) {
					long emitted = emittedAfter.get(i) - emittedBefore.get(i);
					drainDetails.add(new Figure("reminders emitted by " + instance + (i + 1), emitted, "reminders"));
					drainDetails
						.add(new Figure("reminders/s of " + instance + (i + 1), emitted / seconds, "reminders/s"));
				}
				if (engine instanceof SchedulerJvms forked) {
					List<Long> peaks = forked.peakResident();
					for (int i = 0; i < peaks.size(); i++) {
						drainDetails.add(new Figure("resident memory peak of scheduler JVM " + (i + 1)
								+ " (VmRSS sampled, restart to drained)", peaks.get(i) / (double) MIB, "MiB"));
					}
				}
				Comparison drained = new Comparison(name(),
						new Figure("reminders emitted, " + size + " due at once", count / seconds, "reminders/s"), null,
						50_000.0, false, true, drainDetails);
				Comparison steady = steady(context, loader, clock, reader, timeline, count + RESTART_LINES,
						burst.zone());
				List<Comparison> out = comparisons(context, count, registered, registrationCpuPerLine, drained, steady,
						memory, memoryDetails, firstSeconds, timeline);
				if (processMemory != null) {
					out.add(processMemory);
				}
				return out;
			}
			finally {
				engine.close();
				deleteQuietly(stateDir);
			}
		}
	}

	/**
	 * The scheduler instances of this run: in this JVM, or each in a JVM of its own with
	 * {@code --scheduler-jvms}.
	 */
	private static SchedulerUnderTest scheduler(BenchContext context, String applicationId, Path stateDir,
			ShiftedClock clock) throws Exception {
		BenchMode mode = context.mode();
		if (mode.schedulerJvms() > 0) {
			return new SchedulerJvms(context.bootstrapServers(), applicationId, stateDir, clock,
					mode.schedulerSettings(), mode.schedulerJvms(), mode.schedulerJvmHeap());
		}
		return new Engine(context.bootstrapServers(), applicationId, stateDir, clock, mode.schedulerSettings(),
				mode.schedulerInstances());
	}

	/**
	 * The scheduler JVMs' own memory after registration: resident size (VmRSS) in total
	 * and per JVM, with each JVM's heap and native memory summary (NMT), and the bench's
	 * JVM (broker and harness) beside it.
	 */
	private Comparison processMemory(SchedulerJvms jvms, int count, BenchContext context) throws Exception {
		List<Figure> details = new ArrayList<>(jvms.memory(count, context.resultsDir(), context.out()));
		Figure total = details.remove(details.size() - 1);
		List<Long> peaks = jvms.peakResident();
		for (int i = 0; i < peaks.size(); i++) {
			details.add(new Figure(
					"resident memory peak of scheduler JVM " + (i + 1) + " (VmRSS sampled, start to registered)",
					peaks.get(i) / (double) MIB, "MiB"));
		}
		return new Comparison(name(),
				new Figure(
						String.format(Locale.ROOT, "scheduler JVMs' resident memory with %,d lines (%d JVM%s, -Xmx%s)",
								count, jvms.size(), (jvms.size() == 1) ? "" : "s", context.mode().schedulerJvmHeap()),
						total.value(), total.unit()),
				null, null, false, false, details);
	}

	/**
	 * A holder zone and validUntil whose 7-day reminder (10:00 holder-local) falls
	 * exactly at {@code due}.
	 */
	record Due(ZoneOffset zone, LocalDate validUntil) {

		static Due at(Instant due) {
			int secondOfDay = LocalTime.ofInstant(due, ZoneOffset.UTC).toSecondOfDay();
			int offset = LocalTime.of(10, 0).toSecondOfDay() - secondOfDay;
			if (offset < -14 * 3600) {
				offset += 24 * 3600;
			}
			ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset);
			return new Due(zone, LocalDate.ofInstant(due, zone).plusDays(7));
		}

	}

	private List<Comparison> comparisons(BenchContext context, int count, Figure registered,
			Figure registrationCpuPerLine, Comparison burst, Comparison steady, Figure memory,
			List<Figure> memoryDetails, double firstSeconds, Timeline timeline) throws Exception {
		Figure copy;
		long copyCpu = processCpuNanos();
		try (ProgressLine progress = context.progress("exactly-once copy (baseline)", count)) {
			copy = ExactlyOnceCopyRate.measure(context.bootstrapServers(), Topics.LINE_EVENTS.name(),
					BaselineClients.scratchTopic(context.bootstrapServers(), "eos-copy"), count, progress);
		}
		// CPU time per item is what a loaded machine changes least: the copy's beside
		// Keepline's, measured the same way
		Figure copyCpuPerRecord = new Figure("process CPU per record of the exactly-once copy",
				(processCpuNanos() - copyCpu) / 1e3 / count, "µs");
		List<Figure> burstDetails = new ArrayList<>(burst.details());
		burstDetails.add(copyCpuPerRecord);
		String size = String.format(Locale.ROOT, "%,d lines", count);
		Path chart = timeline.write(context.resultsDir().resolve("scheduler-" + count + "-lines.png"),
				"Keepline scheduler, " + size + " (" + context.mode().name() + " mode)");
		context.out().println("   chart: " + chart);
		List<Comparison> out = new ArrayList<>();
		out.add(new Comparison(name(), registered, copy, null, false, true,
				List.of(registrationCpuPerLine, copyCpuPerRecord)));
		out.add(new Comparison(burst.suite(), burst.subject(), copy, burst.target(), false, true, burstDetails));
		out.add(steady);
		out.add(new Comparison(name(), new Figure("restart to first reminder (" + size + ")", firstSeconds, "s"), null,
				null, false, false, List.of()));
		out.add(new Comparison(name(), memory, null, (count >= 10_000_000) ? 4096.0 : null, false, false,
				memoryDetails));
		return out;
	}

	/**
	 * Lines arriving at a steady rate whose most urgent stage is already past: each is
	 * due on arrival (catch-up inside the send window), so lateness is the punctuator's
	 * pace plus the exactly-once commit.
	 */
	private Comparison steady(BenchContext context, LineLoader loader, ShiftedClock clock, ReminderReader reader,
			Timeline timeline, int offset, ZoneOffset zone) throws Exception {
		int rate = context.mode().steadyLinesPerSecond();
		int total = (int) (rate * context.mode().steadyDuration().toSeconds());
		timeline.mark(String.format(Locale.ROOT, "steady %,d/s", rate));
		ReminderReader.Phase phase = reader.begin(total);
		LineLoader.Template template = loader.template(LocalDate.ofInstant(clock.instant(), zone).plusDays(10), zone,
				List.of(30), clock.instant());
		long start = System.nanoTime();
		try (ProgressLine progress = context.progress(String.format(Locale.ROOT, "steady state, %,d lines/s", rate),
				total)) {
			int sent = 0;
			int tick = Math.max(1, rate / 20);
			while (sent < total) {
				long due = start + (long) (sent * 1e9 / rate);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				int next = Math.min(total, sent + tick);
				loader.send(template, offset + sent, offset + next, null);
				sent = next;
			}
			loader.flush();
			Waits.count("steady-state reminders", total, STALL, () -> {
				reader.check();
				return phase.count.get();
			}, progress);
		}
		return new Comparison(name(), phase.lateness.figure("reminder lateness p99 (steady state)", 99), null, 1000.0,
				false, false,
				List.of(phase.lateness.figure("lateness p50 (steady state)", 50),
						phase.lateness.figure("lateness p90 (steady state)", 90),
						phase.lateness.figure("lateness max (steady state)", 100),
						new Figure("steady arrival rate", rate, "lines/s")));
	}

	private static Figure memory(SchedulerUnderTest engine, int count, List<Figure> details) throws Exception {
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		// with the scheduler in JVMs of its own, the heap that matters is theirs; the
		// bench's (broker and harness) is told apart below
		String bench = "";
		if (engine instanceof SchedulerJvms forked) {
			details.add(new Figure("bench JVM heap used after GC (broker and harness)", heap / (double) MIB, "MiB"));
			heap = forked.heapUsedAfterGc();
			bench = " (bench JVM)";
		}
		details.add(new Figure("RocksDB memtables (size-all-mem-tables)", engine.rocksDb("size-all-mem-tables") / MIB,
				"MiB"));
		// Every store reports the one cache they share (BoundedRocksDbMemory),
		// memtables included.
		details.add(new Figure("RocksDB shared cache in use (block-cache-usage)",
				engine.rocksDbShared("block-cache-usage") / MIB, "MiB"));
		details.add(new Figure("RocksDB index/filter (estimate-table-readers-mem)",
				engine.rocksDb("estimate-table-readers-mem") / MIB, "MiB"));
		details.add(new Figure("RocksDB SST files on disk", engine.rocksDb("total-sst-files-size") / MIB, "MiB"));
		details.add(new Figure("heap committed" + bench,
				ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / (double) MIB, "MiB"));
		details.add(new Figure("max heap (-Xmx)" + bench, Runtime.getRuntime().maxMemory() / MIB, "MiB"));
		// the whole process (heap, RocksDB, broker, harness), where the OS tells it
		long rss = residentSetBytes();
		if (rss > 0) {
			details.add(new Figure(bench.isEmpty() ? "process resident memory (VmRSS, broker included)"
					: "bench JVM resident memory (VmRSS: broker and harness)", rss / (double) MIB, "MiB"));
		}
		return new Figure(String.format(Locale.ROOT, "heap used after GC with %,d lines%s", count,
				bench.isEmpty() ? "" : " (scheduler JVMs together)"), heap / (double) MIB, "MiB");
	}

	/**
	 * When the JVM runs with {@code -XX:NativeMemoryTracking=summary}, writes its summary
	 * (what the JVM itself holds outside the heap, by category) next to the results, so
	 * that the resident size can be explained: {@code scheduler-<lines>-nmt.txt}.
	 */
	private static void nativeMemory(BenchContext context, int count) {
		try {
			Object summary = ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
						new Object[] { new String[] { "summary" } }, new String[] { String[].class.getName() });
			if (summary instanceof String text && !text.contains("not enabled")) {
				Path file = Files.createDirectories(context.resultsDir()).resolve("scheduler-" + count + "-nmt.txt");
				Files.writeString(file, text + System.lineSeparator() + "VmRSS " + residentSetBytes() / MIB + " MiB"
						+ System.lineSeparator());
				context.out().println("   native memory summary: " + file);
			}
		}
		catch (JMException | java.io.IOException ex) {
			context.out().println("   no native memory summary: " + ex.getMessage());
		}
	}

	/** CPU time this process has used so far, all threads together, in nanoseconds. */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** VmRSS from /proc/self/status, or -1 where there is no such file (not Linux). */
	private static long residentSetBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (java.io.IOException | NumberFormatException ex) {
			// not Linux: the figure is left out
		}
		return -1;
	}

	private static void deleteQuietly(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (java.io.IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

}
