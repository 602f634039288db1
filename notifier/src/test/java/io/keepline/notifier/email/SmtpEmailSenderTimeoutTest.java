package io.keepline.notifier.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.keepline.notifier.delivery.TransientDeliveryException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * SMTP servers that accept connections and then never answer: with JavaMail's timeouts in
 * the session, a send fails as transient within them, on a new connection and on a kept
 * one alike, instead of blocking the listener thread.
 */
class SmtpEmailSenderTimeoutTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	/** Far beyond what the timeouts allow: reaching it means the send hung. */
	private static final Duration HUNG = Duration.ofSeconds(20);

	@Test
	void aServerThatAcceptsButNeverAnswersFailsTheSendAsTransientWithinTheTimeout() throws IOException {
		// the kernel completes the handshake; nobody ever reads or writes
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			SmtpEmailSender sender = new SmtpEmailSender(mail(silent.getLocalPort()), "keepline@example.com", 2);

			long took = timeFailedSend(sender, email("first"));

			assertThat(Duration.ofNanos(took)).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.multipliedBy(5));
		}
	}

	@Test
	void aKeptConnectionWhoseServerStopsAnsweringFailsTheSendAsTransientWithinTheTimeout() throws IOException {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			SmtpEmailSender sender = new SmtpEmailSender(mail(server.port()), "keepline@example.com", 2);
			sender.send(email("accepted"));
			assertThat(server.accepted()).isEqualTo(1);
			assertThat(server.connections()).isEqualTo(1);
			server.fallSilent();

			long took = timeFailedSend(sender, email("unanswered"));

			assertThat(server.accepted()).isEqualTo(1);
			assertThat(server.connections()).as("the kept connection, then one new one").isEqualTo(2);
			assertThat(Duration.ofNanos(took)).isGreaterThanOrEqualTo(TIMEOUT.multipliedBy(2))
				.isLessThan(TIMEOUT.multipliedBy(8));
		}
	}

	/** Sends {@code email}, expects a transient failure, and returns how long it took. */
	private static long timeFailedSend(SmtpEmailSender sender, EmailMessage email) {
		return assertTimeoutPreemptively(HUNG, () -> {
			long start = System.nanoTime();
			assertThatThrownBy(() -> sender.send(email)).isInstanceOfSatisfying(TransientDeliveryException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo("smtp_unavailable"));
			return System.nanoTime() - start;
		});
	}

	/**
	 * A mail sender configured as Spring Boot configures it from {@code spring.mail.*}.
	 */
	private static JavaMailSenderImpl mail(int port) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		Properties properties = new Properties();
		String millis = Long.toString(TIMEOUT.toMillis());
		properties.setProperty("mail.smtp.connectiontimeout", millis);
		properties.setProperty("mail.smtp.timeout", millis);
		properties.setProperty("mail.smtp.writetimeout", millis);
		mail.setJavaMailProperties(properties);
		return mail;
	}

	private static EmailMessage email(String id) {
		return new EmailMessage("holder@example.com", "Renew your number", "<p>Renew</p>", "Renew", id);
	}

	/**
	 * Just enough SMTP to take messages, until told to fall silent: from then on it reads
	 * and never answers, on kept and new connections alike.
	 */
	private static final class ScriptedSmtpServer implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final ExecutorService sessions = Executors.newCachedThreadPool();

		private final List<Socket> open = new CopyOnWriteArrayList<>();

		private final AtomicInteger connections = new AtomicInteger();

		private final AtomicInteger accepted = new AtomicInteger();

		private volatile boolean silent;

		ScriptedSmtpServer() throws IOException {
			this.sessions.execute(this::accept);
		}

		int port() {
			return this.socket.getLocalPort();
		}

		int connections() {
			return this.connections.get();
		}

		int accepted() {
			return this.accepted.get();
		}

		void fallSilent() {
			this.silent = true;
		}

		private void accept() {
			try {
				while (!this.socket.isClosed()) {
					Socket client = this.socket.accept();
					this.open.add(client);
					this.connections.incrementAndGet();
					this.sessions.execute(() -> converse(client));
				}
			}
			catch (IOException ex) {
				// closed
			}
		}

		private void converse(Socket client) {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))) {
				OutputStream out = client.getOutputStream();
				answer(out, "220 scripted ESMTP");
				boolean data = false;
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					if (data) {
						if (line.equals(".")) {
							data = false;
							this.accepted.incrementAndGet();
							answer(out, "250 queued");
						}
					}
					else if (line.startsWith("DATA")) {
						data = true;
						answer(out, "354 go ahead");
					}
					else if (line.startsWith("QUIT")) {
						answer(out, "221 bye");
						return;
					}
					else {
						answer(out, "250 OK");
					}
				}
			}
			catch (IOException ex) {
				// the client went away
			}
		}

		private void answer(OutputStream out, String reply) throws IOException {
			if (!this.silent) {
				out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
		}

		@Override
		public void close() {
			try {
				this.socket.close();
				for (Socket client : this.open) {
					client.close();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				this.sessions.shutdownNow();
			}
		}

	}

}
