package io.keepline.support.links;

import java.time.Clock;

import io.keepline.contracts.link.LinkSigner;
import io.keepline.support.web.WebSupportAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The link signer of a service that writes or serves holder links (one that sets
 * {@code keepline.links.secret}, even to nothing: without any link secret it stops with a
 * clear message).
 */
@AutoConfiguration(after = WebSupportAutoConfiguration.class)
@ConditionalOnProperty(prefix = "keepline.links", name = "secret")
@EnableConfigurationProperties(LinkSettings.class)
public class LinksAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LinkSigner linkSigner(LinkSettings settings, Clock clock) {
		return new LinkSigner(settings.keys(), clock);
	}

}
