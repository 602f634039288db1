package io.keepline.notifier.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * A text-and-HTML email whose MIME body is encoded once, when it is built, into the bytes
 * JavaMail would write for the same {@code multipart/alternative} message (each part's
 * transfer encoding chosen by JavaMail's rule, encoded by its encoders), and then written
 * as they are: no content-type parsing, no second encoding pass when it is sent.
 */
final class PreparedMessage extends MimeMessage {

	private static final String CHARSET = StandardCharsets.UTF_8.name();

	private static final byte[] CRLF = { '\r', '\n' };

	private static final AtomicLong PARTS = new AtomicLong();

	private static volatile Stamp lastStamp;

	/** Bytes a line may hold before its CRLF (RFC 5322). */
	private static final int MAX_LINE = 998;

	PreparedMessage(Session session, InternetAddress from, InternetAddress to, String subject, String messageId,
			String text, String html) throws MessagingException {
		super(session);
		setHeader("Date", date());
		setFrom(from);
		setRecipient(Message.RecipientType.TO, to);
		setSubject(subject, CHARSET);
		setHeader("Message-ID", messageId);
		setHeader("MIME-Version", "1.0");
		String boundary = boundary();
		ContentType type = new ContentType("multipart", "alternative", null);
		type.setParameter("boundary", boundary);
		setHeader("Content-Type", type.toString());
		this.content = body(boundary, text, html);
		this.saved = true;
		this.modified = false;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		// set when built: a stable id per notification
	}

	private static byte[] body(String boundary, String text, String html) throws MessagingException {
		try {
			byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
			ByteArrayOutputStream out = new ByteArrayOutputStream(2 * (text.length() + html.length()) + 512);
			part(out, delimiter, "text/plain; charset=" + CHARSET, text);
			part(out, delimiter, "text/html; charset=" + CHARSET, html);
			out.write(delimiter);
			out.write('-');
			out.write('-');
			out.write(CRLF);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void part(ByteArrayOutputStream out, byte[] delimiter, String type, String content)
			throws IOException, MessagingException {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		String encoding = encoding(bytes);
		out.write(delimiter);
		out.write(CRLF);
		out.write(("Content-Type: " + type).getBytes(StandardCharsets.US_ASCII));
		out.write(CRLF);
		out.write(("Content-Transfer-Encoding: " + encoding).getBytes(StandardCharsets.US_ASCII));
		out.write(CRLF);
		out.write(CRLF);
		OutputStream encoder = MimeUtility.encode(out, encoding);
		encoder.write(bytes);
		encoder.flush();
		out.write(CRLF);
	}

	/**
	 * The transfer encoding JavaMail gives a text part ({@code MimeUtility.getEncoding}):
	 * 7bit when every byte is printable ASCII and no line is longer than 998 bytes,
	 * quoted-printable when ASCII bytes are the majority, base64 otherwise.
	 */
	static String encoding(byte[] bytes) {
		int ascii = 0;
		int nonAscii = 0;
		int lineLength = 0;
		boolean longLine = false;
		for (byte value : bytes) {
			int b = value & 0xff;
			if (b == '\r' || b == '\n') {
				lineLength = 0;
			}
			else if (++lineLength > MAX_LINE) {
				longLine = true;
			}
			if (b >= 0x7f || (b < 0x20 && b != '\r' && b != '\n' && b != '\t')) {
				nonAscii++;
			}
			else {
				ascii++;
			}
		}
		if (nonAscii == 0) {
			return longLine ? "quoted-printable" : "7bit";
		}
		return (ascii > nonAscii) ? "quoted-printable" : "base64";
	}

	/**
	 * Now as JavaMail dates a message it saves ({@link MailDateFormat}), formatted once a
	 * second rather than under JavaMail's one lock for every message.
	 */
	private static String date() {
		long second = System.currentTimeMillis() / 1000;
		Stamp stamp = lastStamp;
		if (stamp == null || stamp.second() != second) {
			stamp = new Stamp(second, new MailDateFormat().format(new Date(second * 1000)));
			lastStamp = stamp;
		}
		return stamp.text();
	}

	/** A boundary in JavaMail's form, never the same twice in this JVM. */
	private static String boundary() {
		return "----=_Part_" + PARTS.getAndIncrement() + "_" + ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE)
				+ "." + System.currentTimeMillis();
	}

	private record Stamp(long second, String text) {
	}

}
