package io.keepline.bench;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a suite runs against: the broker, the sizes of this run, where to write files, and
 * progress reporting.
 */
public record BenchContext(String bootstrapServers, BenchMode mode, Path resultsDir, PrintStream out,
		boolean terminal) {

	public ProgressLine progress(String label, long total) {
		return new ProgressLine(label, total, this.out, this.terminal);
	}

}
