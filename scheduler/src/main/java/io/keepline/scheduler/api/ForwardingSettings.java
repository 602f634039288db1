package io.keepline.scheduler.api;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the read API asks another instance for a line it holds
 * ({@code keepline.scheduler.forwarding.*}): over {@code http} or {@code https} (the
 * operator's key travels with the request), and how long it waits to connect and for the
 * answer before telling the caller to retry.
 *
 * @param scheme {@code https} when the instances serve TLS, else {@code http}
 * @param connectTimeout most time to open the connection to the other instance
 * @param requestTimeout most time from sending the request to the answer's headers
 */
@Validated
@ConfigurationProperties("keepline.scheduler.forwarding")
record ForwardingSettings(@DefaultValue("http") @NotNull @Pattern(regexp = "https?") String scheme,
		@DefaultValue("2s") @NotNull Duration connectTimeout, @DefaultValue("5s") @NotNull Duration requestTimeout) {

}
