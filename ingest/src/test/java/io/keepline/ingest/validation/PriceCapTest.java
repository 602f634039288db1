package io.keepline.ingest.validation;

import java.time.Instant;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.OperatorId;
import io.keepline.support.plans.Plans;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class PriceCapTest {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final OperatorId ORANGE = OperatorId.of("orange");

	private final Plans plans = Plans.parse("""
			plans:
			  - id: orange-prepaid-15
			    operator: orange
			    name: Orange Prepaid 15
			    price: {amountCents: 1500, currency: EUR}
			    maxPrice: {amountCents: 3000, currency: EUR}
			    validityDays: 365
			""", "plans.yml", Plans.DEFAULT_MAX_PRICE);

	private final LineEventValidator validator = new LineEventValidator((msisdn) -> null, this.plans);

	@Test
	void acceptsAPriceUpToItsPlansCap() {
		assertThat(this.validator.validate(priced(3000, "EUR", "orange-prepaid-15"), ORANGE, NOW).errors()).isEmpty();
	}

	@Test
	void refusesAPriceOverItsPlansCapNamingTheFieldAndTheCap() {
		assertThat(this.validator.validate(priced(3001, "EUR", "orange-prepaid-15"), ORANGE, NOW).errors())
			.containsExactly(new FieldError("renewalPrice.amountCents", "above_max_price:3000"));
	}

	@Test
	void capsAPlanItDoesNotKnowAtTheDefaultCapInTheLinesCurrency() {
		assertThat(this.validator.validate(priced(10000, "USD", "unlisted"), ORANGE, NOW).errors()).isEmpty();
		assertThat(this.validator.validate(priced(10001, "USD", "unlisted"), ORANGE, NOW).errors())
			.containsExactly(new FieldError("renewalPrice.amountCents", "above_max_price:10000"));
	}

	@Test
	void refusesAnotherCurrencyThanThePlansAndOneStripeDoesNotCharge() {
		assertThat(this.validator.validate(priced(1500, "USD", "orange-prepaid-15"), ORANGE, NOW).errors())
			.containsExactly(new FieldError("renewalPrice.currency", "not_plan_currency:EUR"));
		assertThat(this.validator.validate(priced(1500, "ISK", "unlisted"), ORANGE, NOW).errors())
			.containsExactly(new FieldError("renewalPrice.currency", "unsupported_currency"));
	}

	private static ObjectNode priced(long amountCents, String currency, String plan) {
		ObjectNode item = Samples.lineRegistered();
		item.put("plan", plan);
		((ObjectNode) item.get("renewalPrice")).put("amountCents", amountCents).put("currency", currency);
		return item;
	}

}
