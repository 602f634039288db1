package io.keepline.reliability.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Searches the bytes of every file under a directory for canaries, as UTF-8: the broker's
 * log segments (every topic and partition, committed or not, internal topics included,
 * whatever the cleaner has not yet removed) and the services' state directories (RocksDB
 * SST files, checkpoints). The broker's offset and time indexes ({@code .index},
 * {@code .timeindex}: offsets and positions, preallocated sparse files of 10 MB each)
 * hold no record and are left out.
 */
final class RawBytes {

	private RawBytes() {
	}

	/**
	 * A canary found: which one, and where (a topic directory or a store's directory).
	 */
	record Found(String canary, String where) {

	}

	/**
	 * Every canary found under {@code root}, where: a broker's partition directory
	 * ({@code kafka/<topic>-<partition>}) or a state directory's file, named by its first
	 * three path elements.
	 */
	static List<Found> search(Path root, Collection<String> canaries) {
		List<Found> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : (Iterable<Path>) files.filter(RawBytes::holdsRecords)::iterator) {
				// one char per byte: String.indexOf searches the bytes as they are
				String bytes = new String(read(file), StandardCharsets.ISO_8859_1);
				for (String canary : canaries) {
					if (bytes
						.contains(new String(canary.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
						found.add(new Found(canary, where(root.relativize(file))));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	/** How many canaries were found where. */
	static Map<String, Integer> byPlace(List<Found> found) {
		Map<String, Integer> places = new TreeMap<>();
		found.stream().distinct().forEach((one) -> places.merge(one.where(), 1, Integer::sum));
		return places;
	}

	private static String where(Path relative) {
		int depth = Math.min(relative.getNameCount() - 1, 3);
		return (depth <= 0) ? relative.toString() : relative.subpath(0, depth).toString();
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			// a segment deleted or a RocksDB file replaced while we walked: it holds
			// nothing any more
			return new byte[0];
		}
	}

	private static boolean holdsRecords(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && !name.endsWith(".index") && !name.endsWith(".timeindex");
	}

}
