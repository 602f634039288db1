package io.keepline.notifier.email;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Random;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prepared message is, byte for byte, what JavaMail writes for the same message built
 * part by part (the boundary aside, random in both), for each transfer encoding JavaMail
 * picks: 7bit, quoted-printable (accents, or an ASCII line too long) and base64 (mostly
 * non-Latin text).
 */
class PreparedMessageTest {

	private static final Session SESSION = Session.getInstance(new Properties());

	private static final String MESSAGE_ID = "<0123456789abcdef0123456789abcdef@notifier.keepline>";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
							plain ASCII          | Your number expires | Hello,\\nrenew before 31 December. | <p>Hello</p>\\n<a href="https://x/pay/s.abc">Pay</a>
							accents              | Votre numéro expire le 31 décembre | Bonjour Zoé,\\nrenouvelez avant le 31 décembre : 15,00 € | <p>Bonjour <b>Zoé</b></p>\\n<p>15,00 €</p>
							Chinese              | 您的号码将于12月31日到期 | 您好，\\n请在2026年12月31日之前续费，否则您的号码将被停用。 | <p>您好，请在二〇二六年十二月三十一日之前续费</p>
							ASCII long line      | A long line | LONG | <p>LONG</p>
							dots and CRLF        | Dots | .\\r\\n..first\\r\\n.\\nlast | <p>.</p>\\r\\n.
					quoted-printable edges | Égal | a=b\tc  \\nd \\r\\ne\\rf é  | <a href="x">é</a> \\n LONG
							""")
	void isWhatJavaMailWritesForTheSameMessage(String name, String subject, String text, String html) throws Exception {
		String textBody = unescape(text).replace("LONG", "x".repeat(1200));
		String htmlBody = unescape(html).replace("LONG", "y ".repeat(700));
		InternetAddress from = new InternetAddress("Keepline <reminders@keepline.test>", true);
		InternetAddress to = new InternetAddress("holder@example.com", true);

		MimeMessage javaMail = javaMail(from, to, subject, textBody, htmlBody);
		MimeMessage prepared = new PreparedMessage(SESSION, from, to, subject, MESSAGE_ID, textBody, htmlBody);

		assertThat(written(prepared)).isEqualTo(written(javaMail));
		assertThat(prepared.getMessageID()).isEqualTo(MESSAGE_ID);
		assertThat(prepared.getSentDate()).isCloseTo(javaMail.getSentDate(), 2_000);
	}

	@Test
	void carriesItsOwnOneClickUnsubscribeHeadersAsJavaMailWritesThem() throws Exception {
		InternetAddress from = new InternetAddress("Keepline <reminders@keepline.test>", true);
		InternetAddress to = new InternetAddress("holder@example.com", true);
		String first = "https://notify.keepline.test/unsubscribe/k1.first";
		String second = "https://notify.keepline.test/unsubscribe/k1.second";

		MimeMessage javaMail = javaMail(from, to, "Renew", "Renew before 31 December.", "<p>Renew</p>");
		javaMail.setHeader("List-Unsubscribe", "<" + first + ">");
		javaMail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		javaMail.saveChanges();
		MimeMessage prepared = new PreparedMessage(SESSION, from, to, "Renew", MESSAGE_ID, first,
				"Renew before 31 December.", "<p>Renew</p>");
		MimeMessage other = new PreparedMessage(SESSION, from, to, "Renew", MESSAGE_ID, second,
				"Renew before 31 December.", "<p>Renew</p>");

		assertThat(written(prepared)).isEqualTo(written(javaMail));
		assertThat(prepared.getHeader("List-Unsubscribe")).containsExactly("<" + first + ">");
		assertThat(prepared.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(other.getHeader("List-Unsubscribe")).containsExactly("<" + second + ">");
		assertThat(new PreparedMessage(SESSION, from, to, "Code", MESSAGE_ID, "123456", "<p>123456</p>")
			.getHeader("List-Unsubscribe")).isNull();
	}

	@Test
	void quotedPrintableIsWhatJavaMailsEncoderWritesForAnyText() throws Exception {
		Random random = new Random(21);
		String alphabet = "  \t=\r\n.abcdefghij0123456789éü€中";
		for (int i = 0; i < 2_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int n = random.nextInt(300); n > 0; n--) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
			ByteArrayOutputStream javaMail = new ByteArrayOutputStream();
			OutputStream encoder = MimeUtility.encode(javaMail, "quoted-printable");
			encoder.write(bytes);
			encoder.flush();
			PreparedMessage.Buffer prepared = new PreparedMessage.Buffer(16);
			PreparedMessage.quotedPrintable(bytes, prepared);

			assertThat(new String(prepared.toByteArray(), StandardCharsets.ISO_8859_1))
				.isEqualTo(javaMail.toString(StandardCharsets.ISO_8859_1));
		}
	}

	@ParameterizedTest
	@CsvSource({ "hello, 7bit", "héllo, quoted-printable", "héé, base64", "您好a, base64" })
	void choosesTheTransferEncodingJavaMailWould(String text, String encoding) {
		assertThat(PreparedMessage.encoding(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(encoding);
	}

	/** The message as the notifier built it before: MIME parts given to JavaMail. */
	private static MimeMessage javaMail(InternetAddress from, InternetAddress to, String subject, String text,
			String html) throws Exception {
		MimeMessage message = new MimeMessage(SESSION) {
			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				setHeader("Message-ID", MESSAGE_ID);
			}
		};
		message.setFrom(from);
		message.setRecipient(Message.RecipientType.TO, to);
		message.setSubject(subject, "UTF-8");
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart textPart = new MimeBodyPart();
		textPart.setText(text, "UTF-8", "plain");
		MimeBodyPart htmlPart = new MimeBodyPart();
		htmlPart.setText(html, "UTF-8", "html");
		alternative.addBodyPart(textPart);
		alternative.addBodyPart(htmlPart);
		message.setContent(alternative);
		message.saveChanges();
		return message;
	}

	/**
	 * What is sent (less the headers SMTP leaves out), the boundary and the Date header's
	 * value (compared apart: the two may fall on different seconds) replaced.
	 */
	private static String written(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out, new String[] { "Bcc", "Content-Length" });
		String boundary = new ContentType(message.getContentType()).getParameter("boundary");
		assertThat(boundary).startsWith("----=_Part_");
		assertThat(message.getHeader("Date", null)).isNotNull();
		return out.toString(StandardCharsets.ISO_8859_1)
			.replace(boundary, "BOUNDARY")
			.replace(message.getHeader("Date", null), "DATE");
	}

	private static String unescape(String value) {
		return value.replace("\\r", "\r").replace("\\n", "\n");
	}

}
