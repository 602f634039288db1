package io.keepline.ingest.validation;

import io.keepline.contracts.Money;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.support.plans.Plans;

/**
 * Refuses a registration whose renewal price is over its plan's cap (or the default cap
 * for a plan the plans file does not list), or in another currency than its plan's, so
 * that no holder is ever charged more than the operator allows.
 */
final class PriceCap {

	private final Plans plans;

	PriceCap(Plans plans) {
		this.plans = plans;
	}

	void check(LineRegistered registered, FieldProblems problems) {
		Money price = registered.renewalPrice();
		Plans.Plan plan = this.plans.find(registered.plan()).orElse(null);
		if (plan != null && !plan.currency().equals(price.currency())) {
			problems.add("renewalPrice.currency", Reasons.NOT_PLAN_CURRENCY + ":" + plan.currency().getCurrencyCode());
			return;
		}
		Money cap = this.plans.maxPrice(registered.plan(), price.currency());
		if (price.amountCents() > cap.amountCents()) {
			problems.add("renewalPrice.amountCents", Reasons.ABOVE_MAX_PRICE + ":" + cap.amountCents());
		}
	}

}
