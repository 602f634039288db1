package io.keepline.testsupport;

import java.util.List;

/**
 * The live threads of Kafka clients in this JVM, for tests that check a service closes
 * every client it opened.
 */
public final class ClientThreads {

	private ClientThreads() {
	}

	/** Live producer I/O threads of the clients whose id contains {@code clientId}. */
	public static List<String> producers(String clientId) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("kafka-producer-network-thread") && name.contains(clientId))
			.toList();
	}

}
