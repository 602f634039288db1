package io.keepline.cli;

/**
 * A failure the user can act on: printed as one line ({@code keepline: …}), never as a
 * stack trace, and ending the command with its exit code.
 */
public final class CliException extends RuntimeException {

	private final int exitCode;

	public CliException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	public int exitCode() {
		return this.exitCode;
	}

}
