package io.keepline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.keepline.standalone.broker.BrokerSettings;
import io.keepline.standalone.broker.KafkaBroker;

/**
 * Runs the benchmarks:
 * {@code java -jar bench/target/keepline-bench.jar [--mode=quick|full] [--only=a,b]}.
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
		for (String arg : args) {
			if (arg.startsWith("--mode=")) {
				mode = BenchMode.valueOf(arg.substring("--mode=".length()).toUpperCase(Locale.ROOT));
			}
			else if (arg.equals("--quick") || arg.equals("--full")) {
				mode = BenchMode.valueOf(arg.substring(2).toUpperCase(Locale.ROOT));
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
						+ ". Usage: [--mode=quick|full] [--only=suite,...] [--results=dir] [--bootstrap-servers=host:port]");
				System.exit(2);
			}
		}
		System.exit(run(mode, only, results, bootstrap, System.out) ? 0 : 1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Runs the selected suites and reports; returns whether every suite completed. */
	public static boolean run(BenchMode mode, Set<String> only, Path results, String bootstrap, PrintStream out)
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
			boolean complete = true;
			for (Suite suite : Suites.all()) {
				if (!only.isEmpty() && !only.contains(suite.name())) {
					continue;
				}
				out.println("== " + suite.name() + " (" + mode.name().toLowerCase(Locale.ROOT) + ")");
				try {
					comparisons.addAll(suite.run(context));
				}
				catch (Exception ex) {
					complete = false;
					out.println("   " + suite.name() + " failed: " + ex);
				}
			}
			Report.print(comparisons, out);
			out.println("Results written to " + Report.write(comparisons, mode, results));
			return complete;
		}
		finally {
			if (broker != null) {
				broker.close();
			}
		}
	}

}
