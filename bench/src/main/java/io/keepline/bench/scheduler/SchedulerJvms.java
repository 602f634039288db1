package io.keepline.bench.scheduler;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keepline.bench.Figure;
import io.keepline.bench.Waits;
import io.keepline.bench.process.ChildJvm;
import io.keepline.scheduler.deadline.EngineSettings;

/**
 * Scheduler instances each in a JVM of its own ({@link SchedulerJvmMain}, one
 * {@code KafkaStreams} per JVM with as many stream threads as cores), sharing the work
 * under one application id against the bench's broker; their resident memory is sampled
 * from {@code /proc/<pid>/status} and their native memory read with {@code jcmd}.
 */
final class SchedulerJvms implements SchedulerUnderTest {

	private static final long MIB = 1024 * 1024;

	private static final Duration ANSWER = Duration.ofSeconds(60);

	private static final Pattern NUMBER = Pattern.compile("(\\w+)=(\\S+)");

	private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

	private final ShiftedClock clock;

	private final List<ChildJvm> jvms = new ArrayList<>();

	private final AtomicLongArray peakResident;

	private final Thread sampler;

	private volatile boolean closed;

	SchedulerJvms(String bootstrapServers, String applicationId, Path stateDir, ShiftedClock clock,
			EngineSettings settings, int jvms, String heap) throws IOException, InterruptedException {
		this.clock = clock;
		this.peakResident = new AtomicLongArray(jvms);
		try {
			for (int i = 0; i < jvms; i++) {
				this.jvms.add(ChildJvm.start("scheduler-jvm-" + (i + 1),
						List.of("-Xmx" + heap, "-XX:NativeMemoryTracking=summary"), SchedulerJvmMain.class,
						List.of(bootstrapServers, applicationId, stateDir.resolve("jvm-" + (i + 1)).toString(),
								Long.toString(clock.offsetMillis()),
								Long.toString(settings.punctuationInterval().toMillis()),
								Integer.toString(settings.maxPerPunctuation()),
								Long.toString(settings.maxPunctuationTime().toMillis()))));
			}
			for (ChildJvm jvm : this.jvms) {
				jvm.reply(ANSWER);
			}
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			this.jvms.forEach(ChildJvm::close);
			throw ex;
		}
		this.sampler = new Thread(this::sample, "scheduler-jvm-rss");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	/** Keeps the largest VmRSS seen for each JVM, every 200 ms. */
	private void sample() {
		while (!this.closed) {
			for (int i = 0; i < this.jvms.size(); i++) {
				long rss = status(this.jvms.get(i).pid(), "VmRSS:");
				this.peakResident.accumulateAndGet(i, rss, Math::max);
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
		}
	}

	@Override
	public long start() throws Exception {
		long started = System.nanoTime();
		for (ChildJvm jvm : this.jvms) {
			expect(jvm.request("start", ANSWER), "started");
		}
		return started;
	}

	@Override
	public long awaitRunning(Duration timeout) throws Exception {
		boolean[] failed = new boolean[1];
		Waits.until("the scheduler JVMs to be RUNNING", timeout, () -> {
			boolean all = true;
			for (ChildJvm jvm : this.jvms) {
				Map<String, String> state = ask(jvm, "state");
				failed[0] |= Boolean.parseBoolean(state.get("failed"));
				all &= Boolean.parseBoolean(state.get("running"));
			}
			return all || failed[0];
		});
		if (failed[0]) {
			throw new IllegalStateException("A scheduler JVM stopped");
		}
		return System.nanoTime();
	}

	@Override
	public void jumpTo(Instant instant) throws Exception {
		this.clock.jumpTo(instant);
		for (ChildJvm jvm : this.jvms) {
			expect(jvm.request("jump " + this.clock.offsetMillis(), ANSWER), "jumped");
		}
	}

	@Override
	public List<Long> emittedByInstance() {
		return metrics().stream().map((m) -> (long) Double.parseDouble(m.get("emitted"))).toList();
	}

	@Override
	public double recordsSent() {
		return sum("sent");
	}

	@Override
	public double rocksDb(String metric) {
		return sum(switch (metric) {
			case "size-all-mem-tables" -> "memtables";
			case "estimate-table-readers-mem" -> "readers";
			case "total-sst-files-size" -> "sst";
			default -> throw new IllegalArgumentException("not asked of a scheduler JVM: " + metric);
		});
	}

	/** Each JVM has a cache of its own: their sum. */
	@Override
	public double rocksDbShared(String metric) {
		if (!metric.equals("block-cache-usage")) {
			throw new IllegalArgumentException("not asked of a scheduler JVM: " + metric);
		}
		return sum("cache");
	}

	@Override
	public long otherProcessesCpuNanos() {
		return (long) sum("cpu");
	}

	/**
	 * Each JVM's heap after a GC, its resident memory now and its native memory summary
	 * (written to {@code <results>/scheduler-<lines>-jvm<k>-nmt.txt}), with the total.
	 */
	List<Figure> memory(int lines, Path resultsDir, PrintStream out) throws Exception {
		List<Figure> figures = new ArrayList<>();
		double totalRss = 0;
		for (int i = 0; i < this.jvms.size(); i++) {
			ChildJvm jvm = this.jvms.get(i);
			String which = " (scheduler JVM " + (i + 1) + ")";
			Map<String, String> heap = ask(jvm, "heap");
			long rss = status(jvm.pid(), "VmRSS:");
			totalRss += rss;
			figures.add(new Figure("heap used after GC" + which, Double.parseDouble(heap.get("used")) / MIB, "MiB"));
			figures.add(new Figure("heap committed" + which, Double.parseDouble(heap.get("committed")) / MIB, "MiB"));
			figures.add(new Figure("max heap (-Xmx)" + which, Double.parseDouble(heap.get("max")) / MIB, "MiB"));
			figures.add(new Figure("resident memory (VmRSS)" + which, rss / (double) MIB, "MiB"));
			String nmt = nativeMemory(jvm.pid());
			Matcher total = NMT_TOTAL.matcher(nmt);
			if (total.find()) {
				figures.add(new Figure("JVM native memory committed (NMT total, heap included)" + which,
						Long.parseLong(total.group(2)) / 1024.0, "MiB"));
			}
			Path file = Files.createDirectories(resultsDir)
				.resolve("scheduler-" + lines + "-jvm" + (i + 1) + "-nmt.txt");
			Files.writeString(file,
					nmt + System.lineSeparator() + "VmRSS " + rss / MIB + " MiB" + System.lineSeparator()
							+ "heap used after GC " + Long.parseLong(heap.get("used")) / MIB + " MiB"
							+ System.lineSeparator());
			out.println("   native memory summary of scheduler JVM " + (i + 1) + ": " + file);
		}
		figures.add(new Figure("resident memory of the scheduler JVMs together", totalRss / MIB, "MiB"));
		return figures;
	}

	/** The JVMs' heap used after a GC, together, in bytes. */
	long heapUsedAfterGc() {
		long sum = 0;
		for (ChildJvm jvm : this.jvms) {
			sum += Long.parseLong(ask(jvm, "heap").get("used"));
		}
		return sum;
	}

	/** The largest VmRSS sampled for each JVM since it started, in bytes. */
	List<Long> peakResident() {
		List<Long> peaks = new ArrayList<>();
		for (int i = 0; i < this.peakResident.length(); i++) {
			peaks.add(this.peakResident.get(i));
		}
		return peaks;
	}

	/** How many JVMs run. */
	int size() {
		return this.jvms.size();
	}

	/** The JVMs' process ids. */
	List<Long> pids() {
		return this.jvms.stream().map(ChildJvm::pid).toList();
	}

	private static String nativeMemory(long pid) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary")
			.redirectErrorStream(true)
			.start();
		String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		return text;
	}

	/** A line of /proc/<pid>/status in bytes (kB there), or 0 where there is none. */
	static long status(long pid, String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux, or the process has ended
		}
		return 0;
	}

	private double sum(String key) {
		return metrics().stream().mapToDouble((m) -> Double.parseDouble(m.get(key))).sum();
	}

	private List<Map<String, String>> metrics() {
		return this.jvms.stream().map((jvm) -> ask(jvm, "metrics")).toList();
	}

	private static Map<String, String> ask(ChildJvm jvm, String command) {
		try {
			String reply = jvm.request(command, ANSWER);
			if (reply.startsWith("error")) {
				throw new IllegalStateException("A scheduler JVM answered " + reply);
			}
			Map<String, String> values = new HashMap<>();
			Matcher matcher = NUMBER.matcher(reply);
			while (matcher.find()) {
				values.put(matcher.group(1), matcher.group(2));
			}
			return values;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking a scheduler JVM", ex);
		}
	}

	private static void expect(String reply, String expected) {
		if (!reply.equals(expected)) {
			throw new IllegalStateException(
					String.format(Locale.ROOT, "A scheduler JVM answered '%s', not '%s'", reply, expected));
		}
	}

	/** Closes every JVM's instance (leaving the group) and waits for the JVMs to end. */
	@Override
	public void close() {
		this.closed = true;
		this.jvms.parallelStream().forEach((jvm) -> jvm.close(Duration.ofSeconds(60)));
	}

}
