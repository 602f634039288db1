package io.keepline.support.plans;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

import io.keepline.contracts.Money;

/**
 * One entry of a plans file being read: each field checked, a bad one named with the file
 * and the plan.
 */
final class PlanEntry {

	private final String origin;

	private final String label;

	private final Map<?, ?> item;

	PlanEntry(String origin, int index, Object item) {
		this.origin = origin;
		if (!(item instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException(
					"plans file " + origin + ", plan #" + (index + 1) + ": must be a map of fields");
		}
		this.item = map;
		Object id = map.get("id");
		this.label = (id != null && !id.toString().isBlank()) ? id.toString() : "#" + (index + 1);
	}

	Plans.Plan plan(BigDecimal defaultMaxPrice) {
		String id = text(this.item, "id", true);
		Money price = money(this.item, "price");
		Money maxPrice = this.item.containsKey("maxPrice") ? money(this.item, "maxPrice")
				: Plans.defaultMaxPrice(defaultMaxPrice, price.currency());
		if (!maxPrice.currency().equals(price.currency())) {
			throw error("maxPrice.currency", "must be the currency of price (" + price.currency() + ")");
		}
		if (price.amountCents() > maxPrice.amountCents()) {
			throw error("price.amountCents", "exceeds maxPrice.amountCents " + maxPrice.amountCents());
		}
		int validityDays = (int) number(this.item, "validityDays", 1);
		Plans.AfterLapse afterLapse = null;
		if (this.item.containsKey("afterLapse")) {
			Map<?, ?> lapse = map(this.item, "afterLapse");
			afterLapse = new Plans.AfterLapse((int) number(lapse, "afterLapse.graceDays", 0),
					(int) number(lapse, "afterLapse.recoveryDays", 0));
		}
		return new Plans.Plan(id, text(this.item, "operator", true), text(this.item, "name", true), price, validityDays,
				text(this.item, "rule", false), maxPrice, afterLapse);
	}

	private Money money(Map<?, ?> item, String field) {
		Map<?, ?> money = map(item, field);
		long amount = number(money, field + ".amountCents", 1);
		String code = text(money, field + ".currency", true);
		try {
			return new Money(amount, Currency.getInstance(code));
		}
		catch (IllegalArgumentException ex) {
			throw error(field + ".currency", "is not an ISO 4217 currency code: " + code);
		}
	}

	private Map<?, ?> map(Map<?, ?> item, String field) {
		if (!(item.get(field) instanceof Map<?, ?> value)) {
			throw error(field, "is required, a map");
		}
		return value;
	}

	private String text(Map<?, ?> item, String field, boolean required) {
		Object value = item.get(leaf(field));
		if (value == null || value.toString().isBlank()) {
			if (required) {
				throw error(field, "is required");
			}
			return null;
		}
		return value.toString();
	}

	private long number(Map<?, ?> item, String field, long min) {
		if (!(item.get(leaf(field)) instanceof Number value) || value instanceof Double || value instanceof Float) {
			throw error(field, "is required, a whole number");
		}
		if (value.longValue() < min) {
			throw error(field, "must be at least " + min);
		}
		return value.longValue();
	}

	private static String leaf(String field) {
		return field.substring(field.lastIndexOf('.') + 1);
	}

	private IllegalArgumentException error(String field, String reason) {
		return new IllegalArgumentException(
				"plans file " + this.origin + ", plan " + this.label + ": " + field + " " + reason);
	}

}
