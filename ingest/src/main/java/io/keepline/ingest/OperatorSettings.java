package io.keepline.ingest;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The operator API keys ({@code keepline.operators.keys}, env
 * {@code KEEPLINE_OPERATOR_KEYS}) as {@code operator=key} or
 * {@code operator=sha256:<hex>} pairs. No default: without keys the service does not
 * start.
 */
@Validated
@ConfigurationProperties("keepline.operators")
public record OperatorSettings(@NotBlank(
		message = "set KEEPLINE_OPERATOR_KEYS (or keepline.operators.keys) to operator=key pairs") String keys) {

}
