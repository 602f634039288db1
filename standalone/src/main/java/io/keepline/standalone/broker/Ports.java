package io.keepline.standalone.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks that the broker's ports are free before Kafka tries to bind them, so a clash
 * ends in one clear line instead of a half-started broker.
 */
final class Ports {

	private Ports() {
	}

	static void requireFree(BrokerSettings settings) {
		requireFree(settings.port(),
				"Kafka port " + settings.port() + " is already in use: stop the other process or set --kafka.port");
		requireFree(settings.controllerPort(), "Kafka controller port " + settings.controllerPort()
				+ " is already in use: stop the other process or set --kafka.controller-port");
	}

	private static void requireFree(int port, String message) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(BrokerSettings.HOST, port));
		}
		catch (IOException ex) {
			throw new PortInUseException(port, message);
		}
	}

}
