package io.keepline.notifier.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.keepline.notifier.delivery.PermanentDeliveryException;
import io.keepline.notifier.delivery.TransientDeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends email over SMTP with the session Spring Mail configured ({@code spring.mail.*}),
 * keeping up to {@code connections} connections open between sends instead of one per
 * message. SMTP 5xx answers and bad addresses are permanent; 4xx and connection trouble
 * are transient.
 */
public final class SmtpEmailSender implements EmailSender {

	/**
	 * jakarta.mail finds its stream provider with a ServiceLoader scan of the classpath
	 * for every body part it builds or writes (a fifth of a send's CPU in a JFR profile)
	 * unless this system property names it.
	 */
	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	private final JavaMailSenderImpl mail;

	private final Session session;

	private final InternetAddress from;

	private final BlockingQueue<Transport> idle;

	public SmtpEmailSender(JavaMailSenderImpl mail, String from, int connections) {
		this.mail = mail;
		try {
			this.from = new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("keepline.notifier.mail-from is not an email address", ex);
		}
		this.idle = new ArrayBlockingQueue<>(connections);
		System.getProperties().putIfAbsent(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		// JavaMailSenderImpl.getSession() is synchronized: every send would queue on it
		this.session = mail.getSession();
	}

	@Override
	public String send(EmailMessage email) {
		MimeMessage message = build(email);
		Transport transport = this.idle.poll();
		if (transport != null) {
			try {
				return sendOn(transport, message);
			}
			catch (MessagingException ex) {
				// the server may have closed the kept connection: try a new one
				close(transport);
			}
		}
		transport = null;
		try {
			transport = connect();
			return sendOn(transport, message);
		}
		catch (MessagingException ex) {
			close(transport);
			throw classify(ex);
		}
	}

	private String sendOn(Transport transport, MimeMessage message) throws MessagingException {
		transport.sendMessage(message, message.getAllRecipients());
		if (!this.idle.offer(transport)) {
			close(transport);
		}
		return message.getMessageID();
	}

	private Transport connect() throws MessagingException {
		String protocol = (this.mail.getProtocol() != null) ? this.mail.getProtocol() : "smtp";
		Transport transport = this.session.getTransport(protocol);
		transport.connect(this.mail.getHost(), this.mail.getPort(), this.mail.getUsername(), this.mail.getPassword());
		return transport;
	}

	private MimeMessage build(EmailMessage email) {
		try {
			return new PreparedMessage(this.session, this.from, new InternetAddress(email.to(), true), email.subject(),
					messageId(email.notificationId()), email.unsubscribeUrl(), email.text(), email.html());
		}
		catch (AddressException ex) {
			throw new PermanentDeliveryException("email_bad_address", "not a valid email address", ex);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Could not build the email", ex);
		}
	}

	/**
	 * What a failed send means. JavaMail gives a reply code of -1 when the connection was
	 * lost before any reply (a server dying mid-send): that is the server unavailable,
	 * not a refusal.
	 */
	private static RuntimeException classify(MessagingException ex) {
		for (Exception cause = ex; cause != null; cause = (cause instanceof MessagingException messaging)
				? messaging.getNextException() : null) {
			if (cause instanceof SMTPAddressFailedException failed) {
				return byCode(failed.getReturnCode(), "email_rejected_address", ex);
			}
			if (cause instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 0) {
				return byCode(failed.getReturnCode(), "email_rejected", ex);
			}
		}
		if (ex instanceof SendFailedException failed && failed.getInvalidAddresses() != null
				&& failed.getInvalidAddresses().length > 0) {
			return new PermanentDeliveryException("email_invalid_address", "the SMTP server refused the address", ex);
		}
		return new TransientDeliveryException("smtp_unavailable", "SMTP server unavailable: " + ex.getMessage(), ex);
	}

	private static RuntimeException byCode(int code, String reason, MessagingException ex) {
		if (code >= 500) {
			return new PermanentDeliveryException(reason + "_" + code, "the SMTP server refused with " + code, ex);
		}
		return new TransientDeliveryException(reason + "_" + code, "the SMTP server deferred with " + code, ex);
	}

	/** A stable Message-ID for a notification, so that a resend is recognisable. */
	static String messageId(String notificationId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(notificationId.getBytes(StandardCharsets.UTF_8));
			return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@notifier.keepline>";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	private static void close(Transport transport) {
		if (transport == null) {
			return;
		}
		try {
			transport.close();
		}
		catch (MessagingException ignored) {
			// already broken
		}
	}

}
