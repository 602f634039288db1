package io.keepline.support.web;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The operator API keys ({@code keepline.operators.keys}, env
 * {@code KEEPLINE_OPERATOR_KEYS}) as {@code operator=key} or
 * {@code operator=sha256:<hex>} pairs, comma-separated. No default: a service that
 * authenticates operators does not start without them.
 */
@Validated
@ConfigurationProperties("keepline.operators")
public record OperatorKeySettings(@NotBlank(
		message = "set KEEPLINE_OPERATOR_KEYS (or keepline.operators.keys) to operator=key pairs") String keys) {

}
