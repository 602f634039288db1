package io.keepline.ingest.ownership;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of ingest's view of line owners ({@code keepline.ingest.ownership.*}): the
 * Kafka Streams application id it runs as (it joins no consumer group, so instances may
 * share it) and the directory its RocksDB store lives in, one per instance, kept across
 * restarts so that a restart reads only what is new on line-events.
 */
@Validated
@ConfigurationProperties("keepline.ingest.ownership")
public record OwnershipSettings(@DefaultValue("keepline-ingest-owners") @NotBlank String applicationId,
		@DefaultValue("./data/ingest") @NotNull Path stateDir) {

}
