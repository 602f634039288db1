package io.keepline.ingest.notice;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the operator notices ({@code keepline.ingest.notices.*}): their Streams
 * application, the bound within which a paid renewal must be applied, and each operator's
 * webhook.
 *
 * @param enabled whether ingest writes operator notices at all
 * @param applicationId the notices' Streams application id (and consumer group)
 * @param topUpBound how long after a paid renewal the operator's {@code ValidityExtended}
 * may take before a {@code RenewalNotApplied} alert
 * @param punctuationInterval how often overdue top-ups are looked for
 * @param maxPerPunctuation most alerts raised by one look
 * @param webhooks each operator's webhook URL, {@code orange=https://…,base=https://…}
 * ({@code KEEPLINE_OPERATOR_WEBHOOKS}); blank: no webhooks, the topics only
 * @param webhookSecrets the keys that sign each operator's webhooks,
 * {@code orange=kid:secret,…} ({@code KEEPLINE_OPERATOR_WEBHOOK_SECRETS}); required for
 * every operator with a webhook
 * @param webhookDeadline one webhook call's deadline
 * @param retryFirst the wait before the first retry of a failed delivery, doubled after
 * each failure
 * @param retryMax the longest wait between two retries
 * @param retryFor how long a notice is retried before it is dead-lettered
 */
@Validated
@ConfigurationProperties("keepline.ingest.notices")
public record NoticeSettings(@DefaultValue("true") boolean enabled,
		@DefaultValue("keepline-ingest-notices") @NotBlank String applicationId,
		@DefaultValue("24h") @NotNull Duration topUpBound, @DefaultValue("30s") @NotNull Duration punctuationInterval,
		@DefaultValue("1000") @Min(1) int maxPerPunctuation, String webhooks, String webhookSecrets,
		@DefaultValue("10s") @NotNull Duration webhookDeadline, @DefaultValue("1s") @NotNull Duration retryFirst,
		@DefaultValue("5m") @NotNull Duration retryMax, @DefaultValue("3d") @NotNull Duration retryFor) {

	public NoticeSettings {
		if (topUpBound != null && (topUpBound.isNegative() || topUpBound.isZero())) {
			throw new IllegalArgumentException("keepline.ingest.notices.top-up-bound must be positive");
		}
		if (retryFirst != null && retryMax != null && retryMax.compareTo(retryFirst) < 0) {
			throw new IllegalArgumentException(
					"keepline.ingest.notices.retry-max must not be shorter than retry-first");
		}
	}

	@Override
	public String toString() {
		return "NoticeSettings[" + this.applicationId + ", bound " + this.topUpBound + ", secrets redacted]";
	}

}
