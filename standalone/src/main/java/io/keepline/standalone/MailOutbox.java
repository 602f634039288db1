package io.keepline.standalone;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * The local outbox: a real SMTP server (GreenMail) in this JVM that keeps every message
 * the notifier sends, so email takes the real SMTP path without leaving the machine.
 */
public final class MailOutbox implements AutoCloseable {

	private final GreenMail greenMail;

	private MailOutbox(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	/** Starts an SMTP server on {@code port} of the loopback interface. */
	public static MailOutbox start(int port) {
		GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		return new MailOutbox(greenMail);
	}

	public int port() {
		return this.greenMail.getSmtp().getPort();
	}

	/** Every message received so far, oldest first. */
	public List<MimeMessage> messages() {
		return List.of(this.greenMail.getReceivedMessages());
	}

	@Override
	public void close() {
		this.greenMail.stop();
	}

}
