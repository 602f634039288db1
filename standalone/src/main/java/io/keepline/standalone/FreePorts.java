package io.keepline.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a free local port for the parts whose port nobody needs to know in advance. It
 * picks below Linux's ephemeral range (32768–60999 by default), where no outgoing
 * connection takes a port between the pick and the bind (a Kafka client's did once, and a
 * service failed to start), and never hands out the same port twice in one JVM.
 */
public final class FreePorts {

	private static final int LOWEST = 20_000;

	private static final int HIGHEST = 32_767;

	private static final int TRIES = 200;

	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	public static int find() {
		for (int i = 0; i < TRIES; i++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
			if (!HANDED_OUT.contains(port) && free(port) && HANDED_OUT.add(port)) {
				return port;
			}
		}
		return anyFree();
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int anyFree() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			HANDED_OUT.add(socket.getLocalPort());
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free local port", ex);
		}
	}

}
