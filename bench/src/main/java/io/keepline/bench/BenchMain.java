package io.keepline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.keepline.bench.baseline.BaselineClients;
import io.keepline.standalone.broker.BrokerSettings;
import io.keepline.standalone.broker.KafkaBroker;

/**
 * Runs the benchmarks:
 * {@code java -jar bench/target/keepline-bench.jar [--mode=quick|full|smoke] [--only=a,b]}.
 * Uses the broker of {@code KAFKA_BOOTSTRAP_SERVERS}, or starts a real KRaft broker of
 * its own in a temporary directory.
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) throws Exception {
		BenchMode mode = BenchMode.QUICK;
		Set<String> only = new LinkedHashSet<>();
		Path results = Path.of("bench", "results");
		String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
		List<Integer> lines = null;
		List<Integer> paymentsLines = null;
		Integer maxPerPunctuation = null;
		Integer partitions = null;
		Integer instances = null;
		Integer jvms = null;
		String jvmHeap = "1g";
		Integer emails = null;
		for (String arg : args) {
			if (arg.startsWith("--mode=")) {
				mode = BenchMode.of(arg.substring("--mode=".length()));
			}
			else if (arg.equals("--quick") || arg.equals("--full")) {
				mode = BenchMode.of(arg.substring(2));
			}
			else if (arg.startsWith("--scheduler-lines=")) {
				lines = List.of(arg.substring("--scheduler-lines=".length()).split(","))
					.stream()
					.map((n) -> Integer.valueOf(n.replace("_", "")))
					.toList();
			}
			else if (arg.startsWith("--payments-lines=")) {
				paymentsLines = List.of(arg.substring("--payments-lines=".length()).split(","))
					.stream()
					.map((n) -> Integer.valueOf(n.replace("_", "")))
					.toList();
			}
			else if (arg.startsWith("--scheduler-max-per-punctuation=")) {
				maxPerPunctuation = Integer
					.valueOf(arg.substring("--scheduler-max-per-punctuation=".length()).replace("_", ""));
			}
			else if (arg.startsWith("--scheduler-partitions=")) {
				partitions = Integer.valueOf(arg.substring("--scheduler-partitions=".length()));
			}
			else if (arg.startsWith("--scheduler-instances=")) {
				instances = Integer.valueOf(arg.substring("--scheduler-instances=".length()));
			}
			else if (arg.startsWith("--scheduler-jvms=")) {
				jvms = Integer.valueOf(arg.substring("--scheduler-jvms=".length()));
			}
			else if (arg.startsWith("--scheduler-jvm-heap=")) {
				jvmHeap = arg.substring("--scheduler-jvm-heap=".length());
			}
			else if (arg.startsWith("--emails=")) {
				emails = Integer.valueOf(arg.substring("--emails=".length()).replace("_", ""));
			}
			else if (arg.startsWith("--only=")) {
				only.addAll(List.of(arg.substring("--only=".length()).split(",")));
			}
			else if (arg.startsWith("--results=")) {
				results = Path.of(arg.substring("--results=".length()));
			}
			else if (arg.startsWith("--bootstrap-servers=")) {
				bootstrap = arg.substring("--bootstrap-servers=".length());
			}
			else {
				System.err.println("Unknown argument " + arg
						+ ". Usage: [--mode=quick|full|smoke] [--only=suite,...] [--scheduler-lines=n,...] [--scheduler-max-per-punctuation=n] [--scheduler-partitions=n] [--scheduler-instances=n] [--scheduler-jvms=n] [--scheduler-jvm-heap=1g] [--payments-lines=n,...] [--emails=n] [--results=dir] [--bootstrap-servers=host:port]");
				System.exit(2);
			}
		}
		if (lines != null) {
			mode = mode.withSchedulerLines(lines);
		}
		if (paymentsLines != null) {
			mode = mode.withPaymentsLines(paymentsLines);
		}
		if (maxPerPunctuation != null) {
			mode = mode.withSchedulerMaxPerPunctuation(maxPerPunctuation);
		}
		if (partitions != null) {
			mode = mode.withSchedulerPartitions(partitions);
		}
		if (instances != null) {
			mode = mode.withSchedulerInstances(instances);
		}
		if (jvms != null || !jvmHeap.equals(mode.schedulerJvmHeap())) {
			mode = mode.withSchedulerJvms((jvms != null) ? jvms : mode.schedulerJvms(), jvmHeap);
		}
		if (emails != null) {
			mode = mode.withEmails(emails);
		}
		System.exit(run(mode, only, results, bootstrap, System.out).complete() ? 0 : 1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * What a run produced: the comparisons, the suites that failed, and the JSON file.
	 */
	public record Outcome(List<Comparison> comparisons, Map<String, String> failures, Path json) {

		public boolean complete() {
			return this.failures.isEmpty();
		}

	}

	/** Runs the selected suites and reports. */
	public static Outcome run(BenchMode mode, Set<String> only, Path results, String bootstrap, PrintStream out)
			throws Exception {
		KafkaBroker broker = null;
		Path brokerDir = null;
		try {
			if (bootstrap == null || bootstrap.isBlank()) {
				brokerDir = Files.createTempDirectory("keepline-bench-kafka");
				broker = new KafkaBroker(new BrokerSettings(freePort(), freePort(), brokerDir));
				broker.start();
				bootstrap = broker.bootstrapServers();
				out.println("Started a KRaft broker for this run at " + bootstrap);
			}
			else {
				out.println("Using the Kafka cluster at " + bootstrap);
			}
			BenchContext context = new BenchContext(bootstrap, mode, results, out, System.console() != null);
			List<Comparison> comparisons = new ArrayList<>();
			Map<String, String> failures = new LinkedHashMap<>();
			Set<String> existing = BaselineClients.topicNames(bootstrap);
			for (Suite suite : Suites.all()) {
				if (!only.isEmpty() && !only.contains(suite.name())) {
					continue;
				}
				out.println("== " + suite.name() + " (" + mode.name() + ")");
				long start = System.nanoTime();
				try {
					comparisons.addAll(suite.run(context));
				}
				catch (Exception | AssertionError ex) {
					failures.put(suite.name(), ex.toString());
					out.println("   " + suite.name() + " failed: " + ex);
					ex.printStackTrace(out);
				}
				finally {
					// Services read the catalogue topics from the beginning, so the
					// next suite starts from empty topics.
					Set<String> created = new HashSet<>(BaselineClients.topicNames(bootstrap));
					created.removeAll(existing);
					created.removeIf((name) -> name.startsWith("__"));
					BaselineClients.deleteTopics(bootstrap, created);
				}
				out.printf(Locale.ROOT, "   %s took %.0f s%n", suite.name(), (System.nanoTime() - start) / 1e9);
			}
			Report.print(comparisons, out);
			failures.forEach((suite, failure) -> out.println("FAILED " + suite + ": " + failure));
			Path json = Report.write(comparisons, failures, mode, results);
			out.println("Results written to " + json);
			return new Outcome(comparisons, failures, json);
		}
		finally {
			if (broker != null) {
				broker.close();
			}
		}
	}

}
