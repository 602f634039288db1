package io.keepline.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where an import of a file stands, beside the file ({@code <file>.checkpoint}): the
 * file's size and header (an edited file does not continue a stale checkpoint), the rows
 * done and their counts, rewritten atomically after each acknowledged batch; the rejected
 * rows go to {@code <file>.rejected} as they come.
 */
final class Checkpoint {

	private final Path file;

	private final Path rejections;

	private long size;

	private String header;

	private long rows;

	private long accepted;

	private long rejected;

	private boolean complete;

	private Checkpoint(Path csv) {
		this.file = csv.resolveSibling(csv.getFileName() + ".checkpoint");
		this.rejections = csv.resolveSibling(csv.getFileName() + ".rejected");
	}

	/**
	 * The checkpoint of {@code csv}, new when there is none or {@code restart} is set.
	 */
	static Checkpoint of(Path csv, long size, String header, boolean restart) {
		Checkpoint checkpoint = new Checkpoint(csv);
		try {
			if (restart || !Files.isRegularFile(checkpoint.file)) {
				Files.deleteIfExists(checkpoint.rejections);
				checkpoint.size = size;
				checkpoint.header = header;
				return checkpoint;
			}
			Properties saved = new Properties();
			try (Reader reader = Files.newBufferedReader(checkpoint.file, StandardCharsets.UTF_8)) {
				saved.load(reader);
			}
			checkpoint.size = Long.parseLong(saved.getProperty("size"));
			checkpoint.header = saved.getProperty("header");
			if (checkpoint.size != size || !header.equals(checkpoint.header)) {
				throw new CliException(ExitCodes.BAD_INPUT, csv + " changed since its import was interrupted; run "
						+ "again with --restart to import it from the start (" + checkpoint.file + ")");
			}
			checkpoint.rows = Long.parseLong(saved.getProperty("rows"));
			checkpoint.accepted = Long.parseLong(saved.getProperty("accepted"));
			checkpoint.rejected = Long.parseLong(saved.getProperty("rejected"));
			checkpoint.complete = Boolean.parseBoolean(saved.getProperty("complete"));
			return checkpoint;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof CliException cli) {
				throw cli;
			}
			throw new CliException(ExitCodes.BAD_INPUT,
					"Unreadable checkpoint " + checkpoint.file + " (" + ex.getMessage() + "); use --restart");
		}
	}

	/** Records a batch the service acknowledged, with its rejected rows. */
	void batch(long rows, long accepted, List<String> rejectedRows, long rejected) {
		this.rows += rows;
		this.accepted += accepted;
		this.rejected += rejected;
		try {
			if (!rejectedRows.isEmpty()) {
				Files.write(this.rejections, rejectedRows, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		save();
	}

	void complete() {
		this.complete = true;
		save();
	}

	long rows() {
		return this.rows;
	}

	long accepted() {
		return this.accepted;
	}

	long rejected() {
		return this.rejected;
	}

	boolean isComplete() {
		return this.complete;
	}

	Path path() {
		return this.file;
	}

	Path rejectionsPath() {
		return this.rejections;
	}

	/** The rejected rows recorded, up to {@code limit}. */
	List<String> rejectedRows(int limit) {
		if (!Files.isRegularFile(this.rejections)) {
			return List.of();
		}
		try (var lines = Files.lines(this.rejections, StandardCharsets.UTF_8)) {
			return new ArrayList<>(lines.limit(limit).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void save() {
		Properties properties = new Properties();
		properties.setProperty("size", Long.toString(this.size));
		properties.setProperty("header", this.header);
		properties.setProperty("rows", Long.toString(this.rows));
		properties.setProperty("accepted", Long.toString(this.accepted));
		properties.setProperty("rejected", Long.toString(this.rejected));
		properties.setProperty("complete", Boolean.toString(this.complete));
		Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
		try {
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				properties.store(writer, "keepline import checkpoint");
			}
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new CliException(ExitCodes.BAD_INPUT,
					"Cannot write the checkpoint " + this.file + ": " + ex.getMessage());
		}
	}

}
