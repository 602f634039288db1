package io.keepline.bench.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP sink in a JVM of its own (SubEthaSMTP): accepts every message, counts it and
 * forgets it. Prints {@code ready smtp=<port> count=<port>} once listening; the number of
 * messages received so far is served at {@code GET http://127.0.0.1:<count>/}. Ends when
 * its standard input closes, i.e. with the bench that started it.
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
		System.out.println("ready smtp=" + smtp.getPortAllocated() + " count=" + count.getAddress().getPort());
		System.out.flush();
		CountDownLatch closed = new CountDownLatch(1);
		Thread watcher = new Thread(() -> {
			try {
				while (System.in.read() >= 0) {
					// drain until the parent closes the pipe
				}
			}
			catch (IOException ignored) {
				// the parent is gone
			}
			closed.countDown();
		}, "stdin-watcher");
		watcher.setDaemon(true);
		watcher.start();
		closed.await();
		count.stop(0);
		smtp.stop();
	}

}
