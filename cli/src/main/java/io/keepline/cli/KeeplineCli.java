package io.keepline.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code keepline} command and its subcommands; user errors end with one line on
 * stderr and an {@link ExitCodes exit code}, never a stack trace.
 */
@Command(name = "keepline", mixinStandardHelpOptions = true, version = "keepline 0.1.0",
		description = "Operate Keepline: import lines, look at a line, follow notices, replay dead letters.",
		subcommands = { ImportCommand.class, LineCommand.class, NoticesCommand.class, DeadLettersCommand.class,
				CommandLine.HelpCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done", "1:done, some rows rejected or dead letters failed again", "2:wrong usage",
				"3:bad input (the message names the row or field)", "4:a service is unreachable or failed",
				"5:missing or wrong key/token", "6:not found", "7:refused (e.g. not replayable)",
				"130:interrupted (an import continues when run again)" })
public final class KeeplineCli implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The command line with the tool's error handling, for main and for tests. */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new KeeplineCli());
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			PrintWriter err = line.getErr();
			if (ex instanceof CliException failure) {
				err.println("keepline: " + failure.getMessage());
				err.flush();
				return failure.exitCode();
			}
			err.println("keepline: unexpected failure: " + ex);
			err.flush();
			return ExitCodes.UNAVAILABLE;
		});
		return commandLine;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Name a command");
	}

}
