package io.keepline.cli;

/**
 * The exit codes scripts can rely on.
 */
public final class ExitCodes {

	/** Done, nothing refused. */
	public static final int OK = 0;

	/**
	 * Done, but some of it was refused: rejected rows, a dead letter that failed again.
	 */
	public static final int PARTLY = 1;

	/** Wrong options or arguments (picocli's own). */
	public static final int USAGE = 2;

	/** The input (a file, a number) is not usable. */
	public static final int BAD_INPUT = 3;

	/** A service could not be reached or answered with an error. */
	public static final int UNAVAILABLE = 4;

	/** No key or token, or the wrong one. */
	public static final int UNAUTHORIZED = 5;

	/** What was asked for does not exist. */
	public static final int NOT_FOUND = 6;

	/** Refused as it stands (e.g. a dead letter that cannot be replayed). */
	public static final int CONFLICT = 7;

	/** Stopped by Ctrl-C; an import continues where it stopped when run again. */
	public static final int INTERRUPTED = 130;

	private ExitCodes() {
	}

}
