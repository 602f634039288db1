package io.keepline.standalone.seed;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * How far a paid renewal moves a line's validity, by plan, from {@code plans.yml}; a year
 * for plans it does not know.
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
		return new PlanRules(SeedCatalogue.read(seeds)
			.plans()
			.values()
			.stream()
			.collect(Collectors.toMap(SeedCatalogue.Plan::id, SeedCatalogue.Plan::validityDays)));
	}

	public int validityDays(String plan) {
		return (plan != null) ? this.validityDays.getOrDefault(plan, DEFAULT_VALIDITY_DAYS) : DEFAULT_VALIDITY_DAYS;
	}

}
