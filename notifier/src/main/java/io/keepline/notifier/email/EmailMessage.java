package io.keepline.notifier.email;

/**
 * One email to one recipient, with HTML and plain-text alternatives.
 * {@code notificationId} makes its Message-ID, so a resend is recognisable;
 * {@code unsubscribeUrl}, when given, its {@code List-Unsubscribe} header (RFC 8058
 * one-click).
 */
public record EmailMessage(String to, String subject, String html, String text, String notificationId,
		String unsubscribeUrl) {

	/** An email without an unsubscribe link (a one-time code, a test). */
	public EmailMessage(String to, String subject, String html, String text, String notificationId) {
		this(to, subject, html, text, notificationId, null);
	}

	@Override
	public String toString() {
		return "EmailMessage[subject length=" + this.subject.length() + "]";
	}

}
