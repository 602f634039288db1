package io.keepline.notifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of an SMTP server that, once armed, holds back the next message
 * its sender sends after the server's {@code 354} (start mail input): the sender waits
 * for the server's answer to its message, mid-send, until its connection ends, and the
 * server, which never got the message's end, drops it. Then it passes everything through
 * again.
 */
final class HoldingSmtpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int target;

	private final AtomicBoolean armed = new AtomicBoolean();

	private final CountDownLatch holding = new CountDownLatch(1);

	private final CountDownLatch cut = new CountDownLatch(1);

	HoldingSmtpProxy(int target) throws IOException {
		this.target = target;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Holds the next message sent after {@code DATA}. */
	void arm() {
		this.armed.set(true);
	}

	/** Counted down once a message is held, its sender waiting for the answer. */
	CountDownLatch holding() {
		return this.holding;
	}

	/**
	 * Counted down once the sender of the held message went away without finishing it.
	 */
	CountDownLatch cut() {
		return this.cut;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket sender = this.server.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
				AtomicBoolean held = new AtomicBoolean();
				daemon(() -> answers(upstream, sender, held));
				daemon(() -> message(sender, upstream, held));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	/**
	 * Passes the server's answers on; once armed, its {@code 354} (start mail input)
	 * holds what the sender sends next.
	 */
	private void answers(Socket server, Socket sender, AtomicBoolean held) {
		try (server; sender) {
			InputStream in = server.getInputStream();
			OutputStream out = sender.getOutputStream();
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				if (new String(buffer, 0, read, StandardCharsets.US_ASCII).startsWith("354")
						&& this.armed.compareAndSet(true, false)) {
					held.set(true);
				}
				out.write(buffer, 0, read);
				out.flush();
				if (held.get()) {
					this.holding.countDown();
				}
			}
		}
		catch (IOException ex) {
			// one side went away: both are closed
		}
	}

	/** Passes the sender's commands on, and nothing once its message is held. */
	private void message(Socket sender, Socket server, AtomicBoolean held) {
		try (sender; server) {
			InputStream in = sender.getInputStream();
			OutputStream out = server.getOutputStream();
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				if (!held.get()) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
		}
		catch (IOException ex) {
			// one side went away: both are closed
		}
		if (held.get()) {
			this.cut.countDown();
		}
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "smtp-proxy");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
