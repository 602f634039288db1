package io.keepline.contracts.rejected;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The path an operator event came in by.
 */
public enum IngestSource {

	@JsonProperty("http")
	HTTP,

	@JsonProperty("csv")
	CSV,

	@JsonProperty("kafka")
	KAFKA

}
