package io.keepline.bench.sink;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import io.keepline.bench.process.ChildJvm;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP sink in a JVM of its own (SubEthaSMTP): accepts every message, counts it and
 * forgets it. Prints {@code ready smtp=<port> count=<port>} once listening; the number of
 * messages received so far is served at {@code GET http://127.0.0.1:<count>/}. Ends when
 * its standard input closes, i.e. with the bench that started it ({@link ChildJvm}).
 */
public final class SmtpSinkMain {

	private SmtpSinkMain() {
	}

	public static void main(String[] args) throws Exception {
		AtomicLong received = new AtomicLong();
		InetAddress loopback = InetAddress.getLoopbackAddress();
		SMTPServer smtp = SMTPServer.port(0)
			.bindAddress(loopback)
			.maxConnections(256)
			.backlog(256)
			.messageHandler((context, from, to, data) -> received.incrementAndGet())
			.build();
		smtp.start();
		HttpServer count = HttpServer.create(new InetSocketAddress(loopback, 0), 16);
		count.createContext("/", (exchange) -> {
			byte[] body = Long.toString(received.get()).getBytes(StandardCharsets.US_ASCII);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		count.start();
		ChildJvm.answer("ready smtp=" + smtp.getPortAllocated() + " count=" + count.getAddress().getPort());
		BufferedReader commands = ChildJvm.commands();
		while (ChildJvm.nextCommand(commands).isPresent()) {
			// no commands: it runs until the parent closes the pipe
		}
		count.stop(0);
		smtp.stop();
	}

}
