package io.keepline.payments.pages;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the status page tells a holder about automatic charges
 * ({@code keepline.payments.auto-renewal.*}): the days before the end of validity on
 * which the scheduler tries a charge, which must be the scheduler's own
 * {@code keepline.scheduler.auto-renew-days} (the line record holds no next charge date).
 *
 * @param chargeDaysBefore days before validUntil of each charge attempt
 */
@Validated
@ConfigurationProperties("keepline.payments.auto-renewal")
record AutoRenewalSettings(@DefaultValue( {
		"3", "2", "1" }) @NotEmpty List<@Min(1) @Max(27) Integer> chargeDaysBefore){

	AutoRenewalSettings {
		chargeDaysBefore = (chargeDaysBefore != null)
				? chargeDaysBefore.stream().sorted(Comparator.reverseOrder()).toList() : List.of(3, 2, 1);
	}

	static AutoRenewalSettings defaults() {
		return new AutoRenewalSettings(null);
	}

}
