package io.keepline.notifier.email;

/**
 * One email to one recipient, with HTML and plain-text alternatives.
 * {@code notificationId} makes its Message-ID, so a resend is recognisable.
 */
public record EmailMessage(String to, String subject, String html, String text, String notificationId) {

	@Override
	public String toString() {
		return "EmailMessage[subject length=" + this.subject.length() + "]";
	}

}
