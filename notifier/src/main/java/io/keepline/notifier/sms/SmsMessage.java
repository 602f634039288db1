package io.keepline.notifier.sms;

import io.keepline.contracts.Msisdn;

/**
 * One SMS to one number.
 */
public record SmsMessage(Msisdn to, String text, String notificationId) {

	@Override
	public String toString() {
		return "SmsMessage[to=" + this.to + ", length=" + this.text.length() + "]";
	}

}
