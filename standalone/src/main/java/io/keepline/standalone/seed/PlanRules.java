package io.keepline.standalone.seed;

import java.util.Map;
import java.util.stream.Collectors;

import io.keepline.support.plans.Plans;

/**
 * How far a paid renewal moves a line's validity, by plan, from {@code plans.yml} (read
 * by {@link Plans}); a year for plans it does not know.
 */
public final class PlanRules {

	static final int DEFAULT_VALIDITY_DAYS = 365;

	private final Map<String, Integer> validityDays;

	private PlanRules(Map<String, Integer> validityDays) {
		this.validityDays = validityDays;
	}

	public static PlanRules of(SeedSource seeds) {
		if (seeds == null) {
			return new PlanRules(Map.of());
		}
		return new PlanRules(SeedCatalogue.plans(seeds.read("plans.yml"))
			.all()
			.stream()
			.collect(Collectors.toMap(Plans.Plan::id, Plans.Plan::validityDays)));
	}

	public int validityDays(String plan) {
		return (plan != null) ? this.validityDays.getOrDefault(plan, DEFAULT_VALIDITY_DAYS) : DEFAULT_VALIDITY_DAYS;
	}

}
