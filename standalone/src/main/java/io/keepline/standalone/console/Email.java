package io.keepline.standalone.console;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * An email of the local outbox as the holder receives it: subject, recipient, HTML and
 * plain-text parts.
 */
public record Email(int id, Instant sentAt, String from, String to, String subject, String html, String text) {

	public static Email of(int id, MimeMessage message) {
		try {
			Parts parts = new Parts();
			parts.collect(message);
			String to = Arrays.stream(message.getAllRecipients())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			Instant sentAt = (message.getSentDate() != null) ? message.getSentDate().toInstant() : Instant.EPOCH;
			String from = (message.getFrom() != null && message.getFrom().length > 0) ? message.getFrom()[0].toString()
					: "";
			return new Email(id, sentAt, from, to, message.getSubject(), parts.html, parts.text);
		}
		catch (MessagingException | IOException ex) {
			return new Email(id, Instant.EPOCH, "", "", "(unreadable message)", null, ex.getMessage());
		}
	}

	/** Walks a MIME tree for its first HTML and first plain-text part. */
	private static final class Parts {

		private String html;

		private String text;

		void collect(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					collect(child);
				}
			}
			else if (part.isMimeType("text/html") && this.html == null) {
				this.html = part.getContent().toString();
			}
			else if (part.isMimeType("text/plain") && this.text == null) {
				this.text = part.getContent().toString();
			}
		}

	}

}
