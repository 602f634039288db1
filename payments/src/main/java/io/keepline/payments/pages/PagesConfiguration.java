package io.keepline.payments.pages;

import java.time.Clock;

import io.keepline.contracts.link.LinkSigner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Holder pages: the locale they are rendered in, and the one-time codes that guard saving
 * a card.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration {

	@Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new HolderLocaleResolver();
	}

	@Bean
	CardCodes cardCodes(LinkSigner signer, Clock clock) {
		return new CardCodes(signer, clock);
	}

}
