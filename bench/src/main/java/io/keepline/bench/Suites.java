package io.keepline.bench;

import java.util.List;

import io.keepline.bench.micro.MicroSuite;

/**
 * Every benchmark suite, in the order a run executes them.
 */
final class Suites {

	private Suites() {
	}

	static List<Suite> all() {
		return List.of(new MicroSuite());
	}

}
