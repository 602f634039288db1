package io.keepline.support.plans;

import java.math.BigDecimal;
import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the plans come from ({@code keepline.plans.*}): {@code file}
 * ({@code KEEPLINE_PLANS_FILE}) names a YAML file in the format of
 * {@code seeds/plans.yml}; without it the catalogue is empty. {@code defaultMaxPrice}
 * ({@code KEEPLINE_PLANS_DEFAULT_MAX_PRICE}, default 100.00) caps a renewal of a plan
 * without {@code maxPrice}, in the major unit of the line's currency.
 *
 * @param file the plans file, or null for none
 * @param defaultMaxPrice the cap of plans without their own, in the line's currency
 */
@Validated
@ConfigurationProperties("keepline.plans")
public record PlansSettings(Path file, @NotNull @Positive @DefaultValue("100.00") BigDecimal defaultMaxPrice) {

	/** The catalogue these settings name. */
	public Plans load() {
		return (this.file != null) ? Plans.read(this.file, this.defaultMaxPrice) : Plans.empty(this.defaultMaxPrice);
	}

}
