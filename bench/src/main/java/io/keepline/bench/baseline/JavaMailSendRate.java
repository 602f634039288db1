package io.keepline.bench.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Baseline: plain JavaMail loops sending HTML + text messages, each over a kept-open SMTP
 * connection of its own, with jakarta.mail's stream provider named as the notifier names
 * it.
 */
public final class JavaMailSendRate {

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	private JavaMailSendRate() {
	}

	/**
	 * Sends {@code count} messages from {@code connections} threads, each over its own
	 * kept-open connection.
	 */
	public static Figure measure(String host, int port, int count, int connections, ProgressLine progress)
			throws Exception {
		// as the notifier does (SmtpEmailSender): without it, jakarta.mail scans the
		// classpath
		// for its stream provider for every body part built or written, three quarters of
		// this loop's CPU in a profile, and the baseline would measure that scan
		System.getProperties().putIfAbsent(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", Integer.toString(port));
		Session session = Session.getInstance(properties);
		AtomicInteger next = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(connections);
		try {
			List<Callable<Void>> loops = new ArrayList<>();
			for (int c = 0; c < connections; c++) {
				loops.add(() -> {
					try (Transport transport = session.getTransport("smtp")) {
						transport.connect();
						for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
							MimeMessage message = message(session, i);
							transport.sendMessage(message, message.getAllRecipients());
							progress.advance(1);
						}
					}
					return null;
				});
			}
			long start = System.nanoTime();
			for (Future<Void> loop : threads.invokeAll(loops)) {
				loop.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			return new Figure("plain JavaMail loop, " + connections + " connections", count / seconds, "emails/s");
		}
		finally {
			threads.shutdownNow();
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
