package io.keepline.standalone.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the seed files come from: a {@code seeds/} directory (the repository's, when run
 * from a clone) or the copy bundled in the standalone jar.
 */
public final class SeedSource {

	static final String BUNDLED = "keepline-seeds/";

	private final Path directory;

	private SeedSource(Path directory) {
		this.directory = directory;
	}

	/** The files of {@code directory}. */
	public static SeedSource directory(Path directory) {
		return new SeedSource(directory.toAbsolutePath().normalize());
	}

	/** The seeds packaged in the jar. */
	public static SeedSource bundled() {
		return new SeedSource(null);
	}

	/** {@code ./seeds} when it exists, else the bundled copy. */
	public static SeedSource auto() {
		Path local = Path.of("seeds");
		return Files.isRegularFile(local.resolve("lines.yml")) ? directory(local) : bundled();
	}

	/**
	 * The plans file the services read ({@code keepline.plans.file}): the directory's
	 * {@code plans.yml}, or a copy of the bundled one written into {@code copyDirectory}.
	 */
	public Path plansFile(Path copyDirectory) {
		if (this.directory != null) {
			return this.directory.resolve("plans.yml");
		}
		Path copy = copyDirectory.resolve("plans.yml").toAbsolutePath();
		try {
			Files.createDirectories(copyDirectory);
			Files.writeString(copy, read("plans.yml"), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the bundled plans to " + copy, ex);
		}
		return copy;
	}

	String read(String name) {
		try {
			if (this.directory != null) {
				return Files.readString(this.directory.resolve(name), StandardCharsets.UTF_8);
			}
			try (InputStream in = SeedSource.class.getClassLoader().getResourceAsStream(BUNDLED + name)) {
				if (in == null) {
					throw new IllegalStateException("seed file " + name + " is not bundled in the jar");
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read seed file " + name + " from " + this, ex);
		}
	}

	@Override
	public String toString() {
		return (this.directory != null) ? this.directory.toString() : "the seeds bundled in the jar";
	}

}
