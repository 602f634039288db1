package io.keepline.contracts.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.json.EventJson;

/**
 * One sample of every event type, read from the wire-format fixtures
 * ({@code fixtures/<topic>/<Type>.json}), for the exhaustiveness test every dispatcher
 * over a sealed event type has: it walks {@link Class#getPermittedSubclasses()}, so a new
 * event type without a fixture, or without a branch in a dispatcher, fails a test.
 */
public final class EventSamples {

	private EventSamples() {
	}

	/**
	 * A sample of each concrete type permitted by {@code sealed}, nested sealed types
	 * included, in declaration order.
	 * @throws IllegalStateException if a permitted type has no fixture
	 */
	public static <T extends KeeplineEvent> List<T> everyPermitted(Class<T> sealed) {
		if (!sealed.isSealed()) {
			throw new IllegalArgumentException(sealed.getName() + " is not sealed");
		}
		List<T> samples = new ArrayList<>();
		collect(sealed, sealed, samples);
		return samples;
	}

	private static <T extends KeeplineEvent> void collect(Class<T> root, Class<?> type, List<T> samples) {
		if (type.isSealed()) {
			for (Class<?> permitted : type.getPermittedSubclasses()) {
				collect(root, permitted, samples);
			}
			return;
		}
		samples.add(read(root, type));
	}

	private static <T extends KeeplineEvent> T read(Class<T> root, Class<?> type) {
		String folder = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
		String path = "/fixtures/" + folder + "/" + type.getSimpleName() + ".json";
		try (InputStream in = EventSamples.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException(type.getName() + " has no fixture at " + path
						+ ": add one so that its wire format and every dispatcher over it are tested");
			}
			T sample = EventJson.read(in.readAllBytes(), root);
			if (!type.isInstance(sample)) {
				throw new IllegalStateException(path + " holds a " + sample.getClass().getSimpleName());
			}
			return sample;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
