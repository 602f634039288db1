package io.keepline.reliability.smtp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.keepline.standalone.FreePorts;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The holders' SMTP server on one fixed port: a real GreenMail that the scenario can kill
 * and replace by a new one on the same port. Keeps what every instance received
 * (GreenMail forgets its store on stop), so deliveries are counted across the outage.
 */
final class SmtpServers implements AutoCloseable {

	private final ServerSetup setup = new ServerSetup(FreePorts.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private final List<Managers> instances = new CopyOnWriteArrayList<>();

	private GreenMail running;

	int port() {
		return this.setup.getPort();
	}

	/** Starts a new, empty server on the port. */
	synchronized void start() {
		GreenMail server = new GreenMail(this.setup);
		server.start();
		this.instances.add(server.getManagers());
		this.running = server;
	}

	/**
	 * Stops the server at once: its listening socket and every open connection are
	 * closed, whatever they are in the middle of.
	 */
	synchronized void kill() {
		this.running.stop();
		this.running = null;
	}

	synchronized boolean isRunning() {
		return this.running != null;
	}

	/**
	 * The messages received so far, by recipient address: for each, the index of the
	 * server instance (0 for the first) and the subject of every copy, in arrival order
	 * per instance.
	 */
	Map<String, List<Delivery>> deliveries() {
		Map<String, List<Delivery>> byRecipient = new HashMap<>();
		for (int instance = 0; instance < this.instances.size(); instance++) {
			for (StoredMessage stored : this.instances.get(instance).getImapHostManager().getAllMessages()) {
				MimeMessage message = stored.getMimeMessage();
				byRecipient.computeIfAbsent(recipient(message), (key) -> new ArrayList<>())
					.add(new Delivery(instance, subject(message)));
			}
		}
		return byRecipient;
	}

	/** How many messages all instances received together. */
	int received() {
		return this.instances.stream()
			.mapToInt((managers) -> managers.getImapHostManager().getAllMessages().size())
			.sum();
	}

	private static String recipient(MimeMessage message) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return (to != null && to.length == 1) ? to[0].toString() : "?";
		}
		catch (MessagingException ex) {
			return "?";
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			return "?";
		}
	}

	@Override
	public synchronized void close() {
		if (this.running != null) {
			kill();
		}
	}

	/** One copy of a message, received by server instance {@code instance}. */
	record Delivery(int instance, String subject) {
	}

}
