package io.keepline.bench;

import java.time.Duration;
import java.util.List;

import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.deadline.EngineSettings;

/**
 * How big a run is: {@code smoke} only checks that every suite works (the JUnit smoke
 * test); {@code quick} gives indicative figures in under three minutes; {@code full} uses
 * the sizes the targets in BENCHMARKS.md are stated for (1,000,000 and 10,000,000
 * scheduler lines).
 *
 * @param ingestEvents events posted to ingest (in batches of 1,000)
 * @param schedulerLines line counts the scheduler suite loads, one run each
 * @param steadyLinesPerSecond arrival rate of the scheduler's steady-state lateness phase
 * @param steadyDuration how long that phase lasts
 * @param webhooks Stripe webhooks posted to payments
 * @param emails emails sent through the notifier, and by the JavaMail baseline
 * @param verifications bare signature verifications of the webhook baseline
 * @param schedulerSettings the scheduler's engine settings (its defaults unless a run
 * explores another punctuation batch size)
 * @param schedulerPartitions partitions of the scheduler's input topics (tasks)
 * @param schedulerInstances scheduler instances sharing the work
 * @param paymentsLines sizes of payments' line-record table (global store) measured
 * @param schedulerJvms scheduler JVMs of their own (each one instance) sharing the work,
 * or 0 to run the scheduler instances in the bench's JVM
 * @param schedulerJvmHeap the {@code -Xmx} of each scheduler JVM (such as {@code 1g})
 */
public record BenchMode(String name, int ingestEvents, List<Integer> schedulerLines, int steadyLinesPerSecond,
		Duration steadyDuration, int webhooks, int emails, int verifications, EngineSettings schedulerSettings,
		int schedulerPartitions, int schedulerInstances, List<Integer> paymentsLines, int schedulerJvms,
		String schedulerJvmHeap) {

	public static final BenchMode SMOKE = new BenchMode("smoke", 2_000, List.of(500), 200, Duration.ofSeconds(3), 300,
			100, 20_000, EngineSettings.defaults(), Topics.DEFAULT_PARTITIONS, 1, List.of(2_000), 0, "1g");

	public static final BenchMode QUICK = new BenchMode("quick", 100_000, List.of(5_000), 200, Duration.ofSeconds(10),
			2_000, 1_000, 200_000, EngineSettings.defaults(), Topics.DEFAULT_PARTITIONS, 1, List.of(100_000), 0, "1g");

	public static final BenchMode FULL = new BenchMode("full", 1_000_000, List.of(1_000_000, 10_000_000), 5_000,
			Duration.ofSeconds(60), 100_000, 50_000, 2_000_000, EngineSettings.defaults(), Topics.DEFAULT_PARTITIONS, 1,
			List.of(1_000_000, 10_000_000), 0, "1g");

	public BenchMode {
		schedulerLines = List.copyOf(schedulerLines);
		paymentsLines = List.copyOf(paymentsLines);
	}

	/** The mode called {@code name} (smoke, quick or full). */
	public static BenchMode of(String name) {
		return switch (name.toLowerCase(java.util.Locale.ROOT)) {
			case "smoke" -> SMOKE;
			case "quick" -> QUICK;
			case "full" -> FULL;
			default -> throw new IllegalArgumentException("Unknown mode " + name + ": use smoke, quick or full");
		};
	}

	public boolean full() {
		return this.name.equals(FULL.name);
	}

	public boolean smoke() {
		return this.name.equals(SMOKE.name);
	}

	/** This mode with other scheduler sizes ({@code --scheduler-lines=100000,...}). */
	public BenchMode withSchedulerLines(List<Integer> lines) {
		return new BenchMode(this.name, this.ingestEvents, lines, this.steadyLinesPerSecond, this.steadyDuration,
				this.webhooks, this.emails, this.verifications, this.schedulerSettings, this.schedulerPartitions,
				this.schedulerInstances, this.paymentsLines, this.schedulerJvms, this.schedulerJvmHeap);
	}

	/**
	 * This mode with the scheduler taking at most {@code max} entries per task and
	 * punctuation ({@code --scheduler-max-per-punctuation=4000}).
	 */
	public BenchMode withSchedulerMaxPerPunctuation(int max) {
		return new BenchMode(this.name, this.ingestEvents, this.schedulerLines, this.steadyLinesPerSecond,
				this.steadyDuration, this.webhooks, this.emails, this.verifications,
				this.schedulerSettings.withMaxPerPunctuation(max), this.schedulerPartitions, this.schedulerInstances,
				this.paymentsLines, this.schedulerJvms, this.schedulerJvmHeap);
	}

	/**
	 * This mode with line-events and payment-events laid out in {@code partitions}
	 * partitions for the scheduler suite (as many tasks), instead of the catalogue's
	 * ({@code --scheduler-partitions=24}).
	 */
	public BenchMode withSchedulerPartitions(int partitions) {
		return new BenchMode(this.name, this.ingestEvents, this.schedulerLines, this.steadyLinesPerSecond,
				this.steadyDuration, this.webhooks, this.emails, this.verifications, this.schedulerSettings, partitions,
				this.schedulerInstances, this.paymentsLines, this.schedulerJvms, this.schedulerJvmHeap);
	}

	/**
	 * This mode with {@code instances} scheduler instances sharing the work, in this JVM
	 * ({@code --scheduler-instances=2}).
	 */
	public BenchMode withSchedulerInstances(int instances) {
		return new BenchMode(this.name, this.ingestEvents, this.schedulerLines, this.steadyLinesPerSecond,
				this.steadyDuration, this.webhooks, this.emails, this.verifications, this.schedulerSettings,
				this.schedulerPartitions, instances, this.paymentsLines, this.schedulerJvms, this.schedulerJvmHeap);
	}

	/**
	 * This mode with other sizes of payments' line-record table
	 * ({@code --payments-lines=1000000,...}).
	 */
	public BenchMode withPaymentsLines(List<Integer> lines) {
		return new BenchMode(this.name, this.ingestEvents, this.schedulerLines, this.steadyLinesPerSecond,
				this.steadyDuration, this.webhooks, this.emails, this.verifications, this.schedulerSettings,
				this.schedulerPartitions, this.schedulerInstances, lines, this.schedulerJvms, this.schedulerJvmHeap);
	}

	/**
	 * This mode with the scheduler run as {@code jvms} JVMs of their own, each with
	 * {@code -Xmx<heap>} and one instance, against the bench's broker
	 * ({@code --scheduler-jvms=2 --scheduler-jvm-heap=1g}).
	 */
	public BenchMode withSchedulerJvms(int jvms, String heap) {
		return new BenchMode(this.name, this.ingestEvents, this.schedulerLines, this.steadyLinesPerSecond,
				this.steadyDuration, this.webhooks, this.emails, this.verifications, this.schedulerSettings,
				this.schedulerPartitions, this.schedulerInstances, this.paymentsLines, jvms, heap);
	}

	/**
	 * This mode with {@code emails} sent through the notifier and by its baseline
	 * ({@code --emails=10000}).
	 */
	public BenchMode withEmails(int emails) {
		return new BenchMode(this.name, this.ingestEvents, this.schedulerLines, this.steadyLinesPerSecond,
				this.steadyDuration, this.webhooks, emails, this.verifications, this.schedulerSettings,
				this.schedulerPartitions, this.schedulerInstances, this.paymentsLines, this.schedulerJvms,
				this.schedulerJvmHeap);
	}

}
