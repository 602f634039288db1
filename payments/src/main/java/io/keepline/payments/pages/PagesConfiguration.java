package io.keepline.payments.pages;

import java.time.Clock;

import io.keepline.contracts.link.LinkSigner;
import io.keepline.support.plans.Plans;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.support.links.LinkSettings;
import io.keepline.support.web.SameOriginPosts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Holder pages: the locale they are rendered in, the one-time codes that guard saving a
 * card, the status page and the origin check of its switches.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AutoRenewalSettings.class, PreferencePageSettings.class, TopUpSettings.class })
class PagesConfiguration {

	@Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new HolderLocaleResolver();
	}

	@Bean
	StatusPage statusPage(LinkSigner signer, LineRecordLookup lines, PaymentHistoryLookup histories,
			AutoRenewalSettings renewal, PreferencePageSettings preferences, Clock clock, Plans plans,
			TopUpSettings topUp) {
		return new StatusPage(signer, lines, histories, renewal, preferences, clock, plans, topUp);
	}

	/** The templates' {@code @pageFormats}. */
	@Bean
	PageFormats pageFormats() {
		return new PageFormats();
	}

	@Bean
	SameOriginPosts sameOriginPosts(LinkSettings links) {
		return new SameOriginPosts(links.baseUrl());
	}

	@Bean
	CardCodes cardCodes(LinkSigner signer, Clock clock) {
		return new CardCodes(signer, clock);
	}

}
