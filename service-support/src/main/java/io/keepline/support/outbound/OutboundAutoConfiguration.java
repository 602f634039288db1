package io.keepline.support.outbound;

import java.time.Clock;

import io.keepline.support.web.WebSupportAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link OutboundClients} every service makes its outbound HTTP clients with, on the
 * system's DNS unless a {@link HostResolver} bean replaces it.
 */
@AutoConfiguration(after = WebSupportAutoConfiguration.class)
@EnableConfigurationProperties(OutboundSettings.class)
public class OutboundAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OutboundClients outboundClients(OutboundSettings settings, ObjectProvider<HostResolver> resolver, Clock clock) {
		return new OutboundClients(settings, resolver.getIfAvailable(() -> HostResolver.SYSTEM), clock);
	}

}
