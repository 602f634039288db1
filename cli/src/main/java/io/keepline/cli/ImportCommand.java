package io.keepline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keepline import lines.csv}: streams the file to ingest in batches with a
 * progress bar, then a summary of accepted and rejected rows; Ctrl-C stops after the
 * batch in flight and the same command continues from the checkpoint.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = { "Import line events from a CSV file (ingest's CSV format: a header of wire field names).",
				"Resumable: after Ctrl-C or a failure, the same command continues where it stopped "
						+ "(checkpoint <file>.checkpoint, rejected rows in <file>.rejected)." })
final class ImportCommand implements Callable<Integer> {

	private static final int SHOWN_REJECTIONS = 50;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Parameters(index = "0", paramLabel = "FILE", description = "the CSV file")
	Path file;

	@Option(names = "--operator-key", paramLabel = "KEY", defaultValue = "${env:KEEPLINE_OPERATOR_KEY}",
			description = "the operator's API key (default: $KEEPLINE_OPERATOR_KEY)")
	String operatorKey;

	@Option(names = "--ingest", paramLabel = "URL", defaultValue = "http://localhost:8081",
			description = "ingest's address (default: ${DEFAULT-VALUE})")
	String ingest;

	@Option(names = "--batch-rows", paramLabel = "N", defaultValue = "100",
			description = "rows per request (default: ${DEFAULT-VALUE}; ingest details up to 100 rejections each)")
	int batchRows;

	@Option(names = "--restart", description = "forget the checkpoint and import the whole file again")
	boolean restart;

	@Option(names = "--plain-progress", description = "progress as plain lines even on a terminal")
	boolean plainProgress;

	private final StopSignal stop = new StopSignal();

	@Override
	public Integer call() {
		if (this.operatorKey == null || this.operatorKey.isBlank()) {
			throw new CliException(ExitCodes.UNAUTHORIZED, "No operator key: pass --operator-key or set "
					+ "KEEPLINE_OPERATOR_KEY (the standalone's demo keys: demo-orange-key, …)");
		}
		if (this.batchRows < 1 || this.batchRows > 10_000) {
			throw new CliException(ExitCodes.USAGE, "--batch-rows must be between 1 and 10000");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		Progress progress = new Progress(err, System.console() != null && !this.plainProgress);
		LineImport lineImport = new LineImport(this.file, new Http("ingest at " + this.ingest, this.operatorKey),
				this.ingest, this.batchRows, progress, this.stop);
		CountDownLatch done = new CountDownLatch(1);
		Thread onCtrlC = new Thread(() -> {
			this.stop.stop();
			awaitQuietly(done);
		}, "keepline-import-stop");
		Runtime.getRuntime().addShutdownHook(onCtrlC);
		try {
			return run(lineImport, out);
		}
		finally {
			done.countDown();
			removeQuietly(onCtrlC);
		}
	}

	/** Stops the import after its batch in flight (what Ctrl-C does). */
	void stop() {
		this.stop.stop();
	}

	private int run(LineImport lineImport, PrintWriter out) {
		Checkpoint checkpoint = lineImport.run(this.restart);
		if (!checkpoint.isComplete()) {
			out.printf("Stopped after %,d rows (%,d accepted, %,d rejected); run the same command to continue.%n",
					checkpoint.rows(), checkpoint.accepted(), checkpoint.rejected());
			out.flush();
			return ExitCodes.INTERRUPTED;
		}
		out.printf("Imported %s: %,d rows, %,d accepted, %,d rejected%n", this.file, checkpoint.rows(),
				checkpoint.accepted(), checkpoint.rejected());
		List<String> rejected = checkpoint.rejectedRows(SHOWN_REJECTIONS + 1);
		if (!rejected.isEmpty()) {
			out.println("Rejected rows:");
			rejected.stream().limit(SHOWN_REJECTIONS).forEach((row) -> out.println("  " + row));
			if (rejected.size() > SHOWN_REJECTIONS) {
				out.println("  … every rejected row is in " + checkpoint.rejectionsPath());
			}
		}
		out.flush();
		return (checkpoint.rejected() > 0) ? ExitCodes.PARTLY : ExitCodes.OK;
	}

	private static void awaitQuietly(CountDownLatch done) {
		try {
			done.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void removeQuietly(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down (Ctrl-C): the hook is running
		}
	}

}
