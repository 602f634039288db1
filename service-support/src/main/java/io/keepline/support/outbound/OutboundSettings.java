package io.keepline.support.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of outbound HTTP calls ({@code keepline.outbound.*}); each caller sets its own
 * deadline.
 *
 * @param maxResponseSize the largest response body read; a larger one fails the call
 * @param perHostConcurrency guarded calls in flight to one host at a time; one more fails
 * at once
 * @param maxConcurrentCalls calls in flight per client in all
 * @param slowHostCoolDown after a guarded call to a host ran out of its deadline, further
 * calls to that host fail at once for this long
 * @param allowedLocalOrigins origins ({@code http://127.0.0.1:8080}) a guarded call may
 * reach although they are local: the standalone's own outbox, and nothing else
 */
@Validated
@ConfigurationProperties("keepline.outbound")
public record OutboundSettings(@DefaultValue("64KB") @NotNull DataSize maxResponseSize,
		@DefaultValue("2") @Min(1) int perHostConcurrency, @DefaultValue("64") @Min(1) int maxConcurrentCalls,
		@DefaultValue("1m") @NotNull Duration slowHostCoolDown, @DefaultValue List<URI> allowedLocalOrigins) {

	public OutboundSettings {
		for (URI origin : allowedLocalOrigins) {
			if (origin.getHost() == null || origin.getPort() < 0
					|| !"http".equals(origin.getScheme()) && !"https".equals(origin.getScheme())) {
				throw new IllegalArgumentException("keepline.outbound.allowed-local-origins: '" + origin
						+ "' is not an origin such as http://127.0.0.1:8080 (scheme, host and port)");
			}
		}
		allowedLocalOrigins = List.copyOf(allowedLocalOrigins);
	}

}
