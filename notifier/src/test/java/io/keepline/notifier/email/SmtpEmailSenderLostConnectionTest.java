package io.keepline.notifier.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.keepline.notifier.delivery.TransientDeliveryException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that dies in the middle of a send (it greets, then drops the connection when
 * the message's sender is given) leaves the send unavailable and to be retried, not
 * refused: JavaMail reports the lost reply as code -1.
 */
class SmtpEmailSenderLostConnectionTest {

	@Test
	void aConnectionLostMidSendIsTheServerUnavailable() throws IOException {
		ExecutorService server = Executors.newSingleThreadExecutor();
		try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			server.execute(() -> dropAtMailFrom(socket));
			JavaMailSenderImpl mail = new JavaMailSenderImpl();
			mail.setHost("127.0.0.1");
			mail.setPort(socket.getLocalPort());
			SmtpEmailSender sender = new SmtpEmailSender(mail, "keepline@example.com", 1);

			assertThatThrownBy(
					() -> sender.send(new EmailMessage("holder@example.com", "Renew", "<p>Renew</p>", "Renew", "id-1")))
				.isInstanceOfSatisfying(TransientDeliveryException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo("smtp_unavailable"));
		}
		finally {
			server.shutdownNow();
		}
	}

	/** Answers the greeting and EHLO on every connection, then drops it at MAIL FROM. */
	private static void dropAtMailFrom(ServerSocket socket) {
		while (!socket.isClosed()) {
			try (Socket client = socket.accept();
					BufferedReader in = new BufferedReader(
							new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))) {
				OutputStream out = client.getOutputStream();
				out.write("220 dying ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
				for (String line = in.readLine(); line != null && !line.startsWith("MAIL"); line = in.readLine()) {
					out.write("250 OK\r\n".getBytes(StandardCharsets.US_ASCII));
				}
			}
			catch (IOException ex) {
				// closed, or the client went away
			}
		}
	}

}
