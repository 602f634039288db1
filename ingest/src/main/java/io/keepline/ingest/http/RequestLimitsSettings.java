package io.keepline.ingest.http;

import java.time.Duration;
import java.util.Map;

import io.keepline.contracts.OperatorId;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of ingest's HTTP edge ({@code keepline.ingest.requests.*}): how many requests an
 * operator may make each second (one default, and per operator id where it differs), and
 * how long ingest waits for each MiB of a request body before it answers 408 and drops
 * the connection.
 *
 * @param perSecond requests per second of an operator without a limit of its own
 * @param operators requests per second of the operators whose limit differs
 * @param bodyWait most time spent waiting for the client per MiB of body
 * @param maxSwallow most of a refused body read after the answer, so that a client still
 * sending it gets the answer
 */
@Validated
@ConfigurationProperties("keepline.ingest.requests")
record RequestLimitsSettings(@DefaultValue("100") @Min(1) int perSecond, Map<String, @Min(1) Integer> operators,
		@DefaultValue("30s") @NotNull Duration bodyWait, @DefaultValue("16MB") @NotNull DataSize maxSwallow) {

	RequestLimitsSettings {
		operators = (operators != null) ? Map.copyOf(operators) : Map.of();
	}

	/** The requests per second {@code operator} may make. */
	int perSecond(OperatorId operator) {
		return this.operators.getOrDefault(operator.value(), this.perSecond);
	}

}
