package io.keepline.ingest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ingest service ({@code keepline.ingest.*}): batch limits, CSV chunking
 * and the Kafka-native path. {@code transactionIdPrefix} defaults to a fresh one per
 * instance so that instances never fence each other.
 */
@Validated
@ConfigurationProperties("keepline.ingest")
public record IngestSettings(@DefaultValue("1000") @Min(1) @Max(100_000) int maxBatchItems,
		@DefaultValue("1MB") DataSize maxBatchSize, @DefaultValue("1000") @Min(1) @Max(10_000) int csvChunkRows,
		@DefaultValue("10000") @Min(1) int csvProgressRows, @DefaultValue("100") @Min(0) int csvMaxErrors,
		String transactionIdPrefix, @Valid @DefaultValue Raw raw) {

	public IngestSettings {
		if (transactionIdPrefix == null || transactionIdPrefix.isBlank()) {
			transactionIdPrefix = "keepline-ingest-" + UUID.randomUUID() + "-";
		}
	}

	/** The Kafka-native path: consumer group and number of consumer threads. */
	public record Raw(@DefaultValue("true") boolean enabled,
			@DefaultValue("keepline-ingest-raw") @NotBlank String groupId, @DefaultValue("2") @Min(1) int concurrency) {

	}

}
