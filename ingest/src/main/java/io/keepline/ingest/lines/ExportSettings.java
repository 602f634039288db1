package io.keepline.ingest.lines;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where a line's export reads what ingest does not hold: the scheduler's read API and
 * payments' line data, called with the operator's own key. Unset, that part of the export
 * says it is unavailable.
 *
 * @param schedulerUrl the scheduler's base URL, e.g. {@code http://scheduler:8082}
 * @param paymentsUrl payments' base URL, e.g. {@code http://payments:8084}
 * @param timeout how long each call may take
 */
@Validated
@ConfigurationProperties("keepline.ingest.export")
record ExportSettings(URI schedulerUrl, URI paymentsUrl, @NotNull @DefaultValue("5s") Duration timeout) {

}
