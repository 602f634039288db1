package io.keepline.support.plans;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.keepline.contracts.Money;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The catalogue of prepaid plans read from a plans file (the format of
 * {@code seeds/plans.yml}), and the cap on a renewal's price: the plan's
 * {@code maxPrice}, or the default cap in the line's currency for a plan it does not
 * know.
 */
public final class Plans {

	/** The default cap in a currency's major unit when none is configured. */
	public static final BigDecimal DEFAULT_MAX_PRICE = new BigDecimal("100.00");

	private final Map<String, Plan> plans;

	private final BigDecimal defaultMaxPrice;

	private Plans(Map<String, Plan> plans, BigDecimal defaultMaxPrice) {
		this.plans = plans;
		this.defaultMaxPrice = defaultMaxPrice;
	}

	/**
	 * A prepaid plan: its renewal price, the most a renewal may cost, how far a renewal
	 * moves the validity date, and what the operator allows after a lapse (null when the
	 * file says nothing).
	 */
	public record Plan(String id, String operator, String name, Money price, int validityDays, String rule,
			Money maxPrice, AfterLapse afterLapse) {

		/** The currency the plan is sold in. */
		public Currency currency() {
			return this.price.currency();
		}

	}

	/**
	 * What the operator allows after a lapse: days the number stays with the holder, then
	 * days it can still be recovered before it is recycled.
	 */
	public record AfterLapse(int graceDays, int recoveryDays) {

	}

	/** No plans: every line is capped by the default cap. */
	public static Plans empty(BigDecimal defaultMaxPrice) {
		return new Plans(Map.of(), defaultMaxPrice);
	}

	/**
	 * The plans of {@code file}; a bad entry stops with the file, the plan and the field.
	 */
	public static Plans read(Path file, BigDecimal defaultMaxPrice) {
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), defaultMaxPrice);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("plans file " + file + " cannot be read", ex);
		}
	}

	/** The plans of a YAML text; {@code origin} names it in error messages. */
	public static Plans parse(String yamlText, String origin, BigDecimal defaultMaxPrice) {
		Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
		if (!(document instanceof Map<?, ?> root) || !(root.get("plans") instanceof List<?> items)) {
			throw new IllegalArgumentException("plans file " + origin + " must have a top-level list 'plans'");
		}
		Map<String, Plan> plans = new LinkedHashMap<>();
		int index = 0;
		for (Object item : items) {
			Plan plan = new PlanEntry(origin, index++, item).plan(defaultMaxPrice);
			if (plans.putIfAbsent(plan.id(), plan) != null) {
				throw new IllegalArgumentException(
						"plans file " + origin + ", plan " + plan.id() + ": id appears more than once");
			}
		}
		return new Plans(Map.copyOf(plans), defaultMaxPrice);
	}

	/** The plans, in no particular order. */
	public Collection<Plan> all() {
		return this.plans.values();
	}

	/** The plan of this id. */
	public Optional<Plan> find(String id) {
		return Optional.ofNullable((id != null) ? this.plans.get(id) : null);
	}

	/** The most a renewal of {@code plan} may cost in {@code currency}. */
	public Money maxPrice(String plan, Currency currency) {
		return find(plan).map(Plan::maxPrice).orElseGet(() -> defaultMaxPrice(this.defaultMaxPrice, currency));
	}

	static Money defaultMaxPrice(BigDecimal major, Currency currency) {
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		return new Money(major.setScale(digits, RoundingMode.DOWN).unscaledValue().longValueExact(), currency);
	}

	@Override
	public String toString() {
		return "Plans" + this.plans.keySet();
	}

}
