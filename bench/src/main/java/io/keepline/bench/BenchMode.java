package io.keepline.bench;

/**
 * How big a run is: {@code quick} checks the harness in a few minutes (CI runs it as a
 * smoke test, its figures mean little); {@code full} uses the sizes the targets in
 * BENCHMARKS.md are stated for.
 */
public enum BenchMode {

	QUICK(20_000, 20_000, 5_000, 2_000, 100_000),

	FULL(1_000_000, 1_000_000, 100_000, 50_000, 2_000_000);

	private final int ingestEvents;

	private final int schedulerLines;

	private final int webhooks;

	private final int emails;

	private final int verifications;

	BenchMode(int ingestEvents, int schedulerLines, int webhooks, int emails, int verifications) {
		this.ingestEvents = ingestEvents;
		this.schedulerLines = schedulerLines;
		this.webhooks = webhooks;
		this.emails = emails;
		this.verifications = verifications;
	}

	public int ingestEvents() {
		return this.ingestEvents;
	}

	public int schedulerLines() {
		return this.schedulerLines;
	}

	public int webhooks() {
		return this.webhooks;
	}

	public int emails() {
		return this.emails;
	}

	public int verifications() {
		return this.verifications;
	}

}
