package io.keepline.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The output of a process a scenario started, for a failure message. */
public final class ProcessLog {

	private ProcessLog() {
	}

	/** The last {@code lines} lines of {@code log}. */
	public static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log at " + log + ": " + ex.getMessage() + ")";
		}
	}

}
