package io.keepline.notifier.sms;

import io.keepline.notifier.delivery.PermanentDeliveryException;

/**
 * The SMS channel when no provider is configured ({@code keepline.notifier.sms.provider}
 * {@code none}): it sends nothing and says so, a permanent failure ({@code sms_disabled})
 * that makes the notifier fall back to the holder's next channel.
 */
public final class DisabledSmsSender implements SmsSender {

	@Override
	public String send(SmsMessage message) {
		throw new PermanentDeliveryException("sms_disabled", "no SMS provider is configured");
	}

}
