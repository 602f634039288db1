package io.keepline.payments.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Holder pages: the locale they are rendered in.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration {

	@Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new HolderLocaleResolver();
	}

}
