package io.keepline.standalone;

import java.util.List;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
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

	/** Deletes every message to {@code address} (the holder was erased). */
	public void forget(String address) {
		GreenMailUser user = this.greenMail.getUserManager().getUserByEmail(address);
		if (user == null) {
			return;
		}
		try {
			this.greenMail.getManagers().getImapHostManager().getInbox(user).deleteAllMessages();
		}
		catch (FolderException ex) {
			throw new IllegalStateException("cannot delete the outbox's messages of an erased holder", ex);
		}
		this.greenMail.getUserManager().deleteUser(user);
	}

	@Override
	public void close() {
		this.greenMail.stop();
	}

}
