package io.keepline.notifier.channel;

import java.time.Clock;
import java.util.List;

import io.keepline.contracts.Channel;
import io.keepline.contracts.Holder;
import io.keepline.notifier.delivery.Channels;
import io.keepline.notifier.email.EmailMessage;
import io.keepline.notifier.email.EmailSender;
import io.keepline.notifier.message.MessageRenderer;
import io.keepline.notifier.message.MessageView;
import io.keepline.notifier.message.Notice;
import io.keepline.notifier.message.RenderedEmail;
import io.keepline.notifier.message.ChoiceLinks;
import io.keepline.notifier.sms.SmsMessage;
import io.keepline.notifier.sms.SmsSender;
import io.keepline.notifier.webhook.WebhookMessage;
import io.keepline.notifier.webhook.WebhookPayload;
import io.keepline.notifier.webhook.WebhookSender;

/**
 * The notifier's channels: renders a notice for one channel and hands it to that
 * channel's adapter (email, SMS, webhook).
 */
public final class ChannelSenders implements Channels {

	private final MessageRenderer renderer;

	private final EmailSender email;

	private final SmsSender sms;

	private final WebhookSender webhook;

	private final Clock clock;

	private final ChoiceLinks unsubscribe;

	public ChannelSenders(MessageRenderer renderer, EmailSender email, SmsSender sms, WebhookSender webhook,
			Clock clock) {
		this(renderer, email, sms, webhook, clock, null);
	}

	/**
	 * @param unsubscribe the one-click unsubscribe link every email carries (none if
	 * null)
	 */
	public ChannelSenders(MessageRenderer renderer, EmailSender email, SmsSender sms, WebhookSender webhook,
			Clock clock, ChoiceLinks unsubscribe) {
		this.unsubscribe = unsubscribe;
		this.renderer = renderer;
		this.email = email;
		this.sms = sms;
		this.webhook = webhook;
		this.clock = clock;
	}

	@Override
	public String send(Channel channel, Notice notice, String notificationId) {
		Holder holder = notice.holder();
		return switch (channel) {
			case EMAIL -> {
				RenderedEmail rendered = this.renderer.email(notice);
				String unsubscribeUrl = (this.unsubscribe != null) ? this.unsubscribe.unsubscribe(notice.cycle())
						: null;
				yield this.email.send(new EmailMessage(holder.email(), rendered.subject(), rendered.html(),
						rendered.text(), notificationId, unsubscribeUrl));
			}
			case SMS -> this.sms.send(new SmsMessage(holder.sms(), this.renderer.sms(notice), notificationId));
			case WEBHOOK -> this.webhook.send(new WebhookMessage(notice.operator(), holder.webhookUrl(),
					payload(notice, notificationId), notificationId));
		};
	}

	/**
	 * A digest goes by email only, to the first notice's holder; its one-click
	 * unsubscribe header names every line of the digest (each line's preference page is
	 * in the body).
	 */
	@Override
	public String sendDigest(List<Notice> notices, String digestId) {
		Notice first = notices.get(0);
		RenderedEmail rendered = this.renderer.digest(notices);
		String unsubscribeUrl = (this.unsubscribe != null)
				? this.unsubscribe.unsubscribe(notices.stream().map(Notice::cycle).toList()) : null;
		return this.email.send(new EmailMessage(first.holder().email(), rendered.subject(), rendered.html(),
				rendered.text(), digestId, unsubscribeUrl));
	}

	private byte[] payload(Notice notice, String notificationId) {
		MessageView view = this.renderer.view(notice);
		return new WebhookPayload(notificationId, notice.template(), notice.holder().locale().code(),
				this.clock.instant(), notice.cycle().msisdn().masked(), notice.cycle().validUntil(), view.subject(),
				view.text("sms"), view.payLink(), view.statusLink())
			.toJson();
	}

}
