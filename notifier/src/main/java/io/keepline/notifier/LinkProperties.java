package io.keepline.notifier;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signed links to payments pages ({@code keepline.links.*}), shared with payments.
 *
 * @param secret the HMAC secret ({@code KEEPLINE_LINK_SECRET}, at least 32 bytes); no
 * default
 * @param baseUrl public base URL of payments
 */
@Validated
@ConfigurationProperties("keepline.links")
public record LinkProperties(
		@NotBlank(message = "is required (KEEPLINE_LINK_SECRET)") @Size(min = 32,
				message = "must be at least 32 characters") String secret,
		@DefaultValue("http://localhost:8084") @NotNull URI baseUrl) {

}
