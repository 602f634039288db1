package io.keepline.notifier;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notifier ({@code keepline.notifier.*}); the number of threads reading
 * deadline events is Boot's {@code spring.kafka.listener.concurrency}.
 *
 * @param webhookSecrets each operator's webhook signing keys,
 * {@code orange=kid1:secret1;kid2:secret2,proximus=…} ({@code KEEPLINE_WEBHOOK_SECRETS},
 * the newest key last); no default
 * @param webhookOperatorConcurrency webhook calls in flight per operator; an operator's
 * next deliveries wait their turn on the webhook pool (up to half its places, then they
 * are retried later)
 * @param webhookThreads threads delivering to holders whose channel may be a webhook, off
 * the listener threads; with four times as many deliveries running or queued, the
 * listener waits for a place (up to {@code httpTimeout}, then defers the record)
 * @param groupId consumer group reading deadline events
 * @param mailFrom the From of every email
 * @param smtpConnections threads sending email and SMS off the listener threads (one
 * line's messages at a time), each with an SMTP connection kept open between sends
 * @param httpTimeout the overall deadline of one SMS-provider or webhook call (connect,
 * headers and body together)
 * @param linkGrace how long pay and status links stay valid after the cycle's end
 * @param linkMinimumTtl the shortest validity of a link (receipts, lapsed lines)
 * @param sentLogTimeout how long start-up and rebalances may wait for the sent-log to
 * catch up with the notification-events topic
 * @param maxEventAge deadline events older than this are not notified
 * @param retry backoff of transient failures
 * @param sms the SMS provider
 * @param rateLimit sends per second per provider
 * @param topUpBound how long an operator may take to apply a paid top-up, which receipts
 * promise ({@code KEEPLINE_TOP_UP_BOUND}, the same bound ingest alerts the operator
 * after)
 */
@Validated
@ConfigurationProperties("keepline.notifier")
public record NotifierSettings(@NotBlank(message = "is required (KEEPLINE_WEBHOOK_SECRETS)") String webhookSecrets,
		@DefaultValue("2") @Min(1) int webhookOperatorConcurrency, @DefaultValue("8") @Min(1) int webhookThreads,
		@DefaultValue("keepline-notifier") @NotBlank String groupId,
		@DefaultValue("Keepline <reminders@keepline.localhost>") @NotBlank String mailFrom,
		@DefaultValue("16") @Min(1) int smtpConnections, @DefaultValue("10s") @NotNull Duration httpTimeout,
		@DefaultValue("7d") @NotNull Duration linkGrace, @DefaultValue("30d") @NotNull Duration linkMinimumTtl,
		@DefaultValue("2m") @NotNull Duration sentLogTimeout, @DefaultValue("7d") @NotNull Duration maxEventAge,
		@Valid @DefaultValue Retry retry, @Valid @DefaultValue Sms sms, @Valid @DefaultValue RateLimit rateLimit,
		@DefaultValue("24h") @NotNull Duration topUpBound) {

	/**
	 * How long the sent-log remembers a notification: an event older than
	 * {@code maxEventAge} is not sent, and a notification is sent after its event
	 * occurred, so a later redelivery of an event whose notification was sent longer ago
	 * than that is dropped as too old anyway; one day more covers clocks that disagree.
	 */
	public Duration sentLogRetention() {
		return this.maxEventAge.plusDays(1);
	}

	/**
	 * Non-blocking retries of transient failures: {@code attempts} in all (the first
	 * included), waiting {@code initialBackoff}, then {@code multiplier} times longer
	 * each time up to {@code maxBackoff}; then the event goes to the dead-letter topic.
	 */
	public record Retry(@DefaultValue("8") @Min(1) int attempts, @DefaultValue("5s") @NotNull Duration initialBackoff,
			@DefaultValue("3.0") @DecimalMin("1.0") double multiplier, @DefaultValue("1h") @NotNull Duration maxBackoff,
			@DefaultValue("-1") short replicationFactor) {

		/** How long after the first attempt the last one comes, at the earliest. */
		public Duration untilLastAttempt() {
			double total = 0;
			double backoff = this.initialBackoff.toMillis();
			for (int retry = 1; retry < this.attempts; retry++) {
				total += Math.min(backoff, this.maxBackoff.toMillis());
				backoff *= this.multiplier;
			}
			return Duration.ofMillis((long) total);
		}

		/**
		 * How long a notice waits for its line's record not read yet: at most
		 * {@code limit}, and only half the retries' span, so that the last attempts find
		 * the wait over and suppress the notice rather than dead-letter it.
		 */
		public Duration recordWait(Duration limit) {
			Duration half = untilLastAttempt().dividedBy(2);
			return (half.compareTo(limit) < 0) ? half : limit;
		}

	}

	/**
	 * The SMS provider: {@code none} (SMS disabled: messages fall back to the next
	 * channel) or {@code twilio} (any Twilio-compatible API at {@code baseUrl}).
	 */
	public record Sms(@DefaultValue("none") @NotBlank String provider,
			@DefaultValue("https://api.twilio.com") @NotNull URI baseUrl, String accountSid, String authToken,
			String from) {

	}

	/** Average sends per second allowed per provider (bursts of one second's worth). */
	public record RateLimit(@DefaultValue("2000") @DecimalMin("0.1") double email,
			@DefaultValue("20") @DecimalMin("0.1") double sms, @DefaultValue("100") @DecimalMin("0.1") double webhook,
			@DefaultValue("2s") @NotNull Duration maxWait) {

	}

}
