package io.keepline.bench.baseline;

import java.util.Properties;

import io.keepline.bench.Figure;
import io.keepline.bench.ProgressLine;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Baseline: a plain JavaMail loop sending HTML + text messages over one kept-open SMTP
 * connection.
 */
public final class JavaMailSendRate {

	private JavaMailSendRate() {
	}

	public static Figure measure(String host, int port, int count, ProgressLine progress) throws MessagingException {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", Integer.toString(port));
		Session session = Session.getInstance(properties);
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				MimeMessage message = message(session, i);
				transport.sendMessage(message, message.getAllRecipients());
				progress.advance(1);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			return new Figure("plain JavaMail loop", count / seconds, "emails/s");
		}
	}

	private static MimeMessage message(Session session, int i) throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("reminders@keepline.test"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("holder" + i + "@example.com"));
		message.setSubject("Your number +32 470 ** ** 56 expires on 31 December 2026", "UTF-8");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(
				"Renew before 31 December 2026 to keep your number. Pay 15,00 EUR: https://pay.example/x".repeat(4),
				"UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent("<html><body><p>Renew before <b>31 December 2026</b>.</p><a href=\"https://pay.example/x\">Pay"
				+ "</a></body></html>".repeat(4), "text/html; charset=UTF-8");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		return message;
	}

}
