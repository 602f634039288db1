package io.keepline.notifier.email;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

	private static final AtomicLong PARTS = new AtomicLong();

	private static volatile Stamp lastStamp;

	/** Bytes a line may hold before its CRLF (RFC 5322). */
	private static final int MAX_LINE = 998;

	PreparedMessage(Session session, InternetAddress from, InternetAddress to, String subject, String messageId,
			String text, String html) throws MessagingException {
		this(session, from, to, subject, messageId, null, text, html);
	}

	/**
	 * A message whose {@code List-Unsubscribe} is {@code unsubscribeUrl} with
	 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058), none when it
	 * is null.
	 */
	PreparedMessage(Session session, InternetAddress from, InternetAddress to, String subject, String messageId,
			String unsubscribeUrl, String text, String html) throws MessagingException {
		super(session);
		setHeader("Date", date());
		setFrom(from);
		setRecipient(Message.RecipientType.TO, to);
		setSubject(subject, CHARSET);
		setHeader("Message-ID", messageId);
		if (unsubscribeUrl != null) {
			setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
			setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
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
			Buffer out = new Buffer(3 * (text.length() + html.length()) + 512);
			part(out, delimiter, "text/plain; charset=" + CHARSET, text);
			part(out, delimiter, "text/html; charset=" + CHARSET, html);
			out.write(delimiter);
			out.write('-');
			out.write('-');
			out.crlf();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void part(Buffer out, byte[] delimiter, String type, String content)
			throws IOException, MessagingException {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		String encoding = encoding(bytes);
		out.write(delimiter);
		out.crlf();
		out.write(("Content-Type: " + type).getBytes(StandardCharsets.US_ASCII));
		out.crlf();
		out.write(("Content-Transfer-Encoding: " + encoding).getBytes(StandardCharsets.US_ASCII));
		out.crlf();
		out.crlf();
		switch (encoding) {
			case "7bit" -> out.write(bytes);
			case "quoted-printable" -> quotedPrintable(bytes, out);
			default -> {
				OutputStream encoder = MimeUtility.encode(out, encoding);
				encoder.write(bytes);
				encoder.flush();
			}
		}
		out.crlf();
	}

	/**
	 * Quoted-printable (RFC 2045) as JavaMail's encoder writes it: lines of at most 76
	 * characters with soft breaks, every line end as CRLF, control characters (tab
	 * included), {@code =} and non-ASCII bytes as {@code =XX}, a space as {@code =20}
	 * only before a line end or at the end.
	 */
	static void quotedPrintable(byte[] bytes, Buffer out) {
		int line = 0;
		boolean space = false;
		boolean afterCr = false;
		for (byte value : bytes) {
			int c = value & 0xff;
			if (space) {
				line = out.quoted(' ', c == '\r' || c == '\n', line);
				space = false;
			}
			if (c == '\r') {
				out.crlf();
				line = 0;
				afterCr = true;
				continue;
			}
			if (c == '\n') {
				if (!afterCr) {
					out.crlf();
					line = 0;
				}
			}
			else if (c == ' ') {
				space = true;
			}
			else {
				line = out.quoted(c, c < 0x20 || c >= 0x7f || c == '=', line);
			}
			afterCr = false;
		}
		if (space) {
			out.quoted(' ', true, line);
		}
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

	/** A growable byte array, unsynchronized (ByteArrayOutputStream locks every byte). */
	static final class Buffer extends OutputStream {

		private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

		/** Characters a quoted-printable line holds before its soft break's {@code =}. */
		private static final int QP_LINE = 75;

		private byte[] bytes;

		private int size;

		Buffer(int capacity) {
			this.bytes = new byte[capacity];
		}

		@Override
		public void write(int b) {
			room(1);
			this.bytes[this.size++] = (byte) b;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			room(len);
			System.arraycopy(b, off, this.bytes, this.size, len);
			this.size += len;
		}

		void crlf() {
			room(2);
			this.bytes[this.size++] = '\r';
			this.bytes[this.size++] = '\n';
		}

		/**
		 * Writes {@code c} on a quoted-printable line of {@code line} characters, as
		 * {@code =XX} when {@code encode}, after a soft break when it would not fit; the
		 * line's length after it.
		 */
		int quoted(int c, boolean encode, int line) {
			int width = encode ? 3 : 1;
			room(width + 3);
			if (line + width > QP_LINE) {
				this.bytes[this.size++] = '=';
				this.bytes[this.size++] = '\r';
				this.bytes[this.size++] = '\n';
				line = 0;
			}
			if (encode) {
				this.bytes[this.size++] = '=';
				this.bytes[this.size++] = HEX[c >> 4];
				this.bytes[this.size++] = HEX[c & 0xf];
			}
			else {
				this.bytes[this.size++] = (byte) c;
			}
			return line + width;
		}

		byte[] toByteArray() {
			return Arrays.copyOf(this.bytes, this.size);
		}

		private void room(int more) {
			if (this.size + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(2 * this.bytes.length, this.size + more));
			}
		}

	}

}
