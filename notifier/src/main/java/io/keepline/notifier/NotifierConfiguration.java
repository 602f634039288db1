package io.keepline.notifier;

import java.time.Clock;
import java.util.Map;

import io.keepline.contracts.Channel;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.notifier.channel.ChannelSenders;
import io.keepline.notifier.delivery.CodeNotices;
import io.keepline.notifier.delivery.HolderChoiceLookup;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.notifier.delivery.NotificationRecorder;
import io.keepline.notifier.delivery.Notifier;
import io.keepline.notifier.delivery.PaymentNotices;
import io.keepline.notifier.delivery.RateLimiter;
import io.keepline.notifier.delivery.SentLog;
import io.keepline.notifier.delivery.SentLogStore;
import io.keepline.notifier.email.EmailSender;
import io.keepline.notifier.holder.HolderStore;
import io.keepline.notifier.holder.Unsubscriptions;
import io.keepline.notifier.message.Links;
import io.keepline.notifier.message.MessageRenderer;
import io.keepline.notifier.message.Messages;
import io.keepline.notifier.message.NoticePlanner;
import io.keepline.notifier.message.ChoiceLinks;
import io.keepline.notifier.sms.SmsSender;
import io.keepline.notifier.webhook.WebhookSender;
import io.keepline.support.links.LinkSettings;
import io.keepline.support.plans.Plans;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notifier's core: rendering (links signed by the support's {@link LinkSigner}), the
 * sent-log and the {@link Notifier} that ties them and the line records to the channel
 * senders.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ NotifierSettings.class, HolderEndpointsSettings.class })
class NotifierConfiguration {

	@Bean
	MessageRenderer messageRenderer(LinkSigner signer, LinkSettings links, NotifierSettings settings,
			ChoiceLinks choiceLinks, Clock clock) {
		return new MessageRenderer(new Messages(),
				new Links(signer, links.baseUrl(), settings.linkGrace(), settings.linkMinimumTtl(), clock),
				choiceLinks);
	}

	@Bean
	SentLog sentLog(SentLogStore sentLogStore) {
		return new SentLog(sentLogStore);
	}

	@Bean
	Notifier notifier(MessageRenderer renderer, EmailSender email, SmsSender sms, WebhookSender webhook,
			LineLookup lines, HolderChoiceLookup choices, SentLog sentLog, NotificationRecorder recorder,
			NotifierSettings settings, ChoiceLinks choiceLinks, Clock clock, Plans plans) {
		NotifierSettings.RateLimit limit = settings.rateLimit();
		Map<Channel, RateLimiter> limits = Map.of(Channel.EMAIL,
				new RateLimiter("email", limit.email(), Math.max(1, limit.email()), limit.maxWait()), Channel.SMS,
				new RateLimiter("sms", limit.sms(), Math.max(1, limit.sms()), limit.maxWait()), Channel.WEBHOOK,
				new RateLimiter("webhook", limit.webhook(), Math.max(1, limit.webhook()), limit.maxWait()));
		return new Notifier(new NoticePlanner(settings.topUpBound(), plans),
				new ChannelSenders(renderer, email, sms, webhook, clock, choiceLinks), lines, sentLog, recorder, limits,
				settings.maxEventAge(), clock, choices, settings.retry().recordWait(Notifier.RECORD_WAIT));
	}

	@Bean
	ChoiceLinks choiceLinks(LinkSigner signer, HolderEndpointsSettings endpoints) {
		return new ChoiceLinks(signer, endpoints.base(), endpoints.unsubscribeLinkTtl());
	}

	@Bean
	Unsubscriptions unsubscriptions(HolderStore store, Clock clock) {
		return new Unsubscriptions(store, clock);
	}

	@Bean
	PaymentNotices paymentNotices(Notifier notifier, LineLookup lines, NotifierSettings settings, Clock clock) {
		return new PaymentNotices(notifier, lines, settings.maxEventAge(), settings.topUpBound(), clock);
	}

	@Bean
	CodeNotices codeNotices(Notifier notifier, LineLookup lines, LinkSigner signer, Clock clock) {
		return new CodeNotices(notifier, lines, signer, clock);
	}

}
