package io.keepline.support.plans;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;

import io.keepline.contracts.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlansTest {

	private static final String PLAN = """
			plans:
			  - id: orange-prepaid-15
			    operator: orange
			    name: Orange Prepaid 15
			    price: {amountCents: 1500, currency: EUR}
			    maxPrice: {amountCents: 3000, currency: EUR}
			    validityDays: 365
			    afterLapse: {graceDays: 30, recoveryDays: 60}
			""";

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlansAutoConfiguration.class));

	@Test
	void readsEachPlanWithItsCapAndWhatFollowsALapse() {
		Plans plans = Plans.parse(PLAN, "plans.yml", Plans.DEFAULT_MAX_PRICE);
		Plans.Plan plan = plans.find("orange-prepaid-15").orElseThrow();
		assertThat(plan.price()).isEqualTo(Money.of(1500, "EUR"));
		assertThat(plan.afterLapse()).isEqualTo(new Plans.AfterLapse(30, 60));
		assertThat(plans.maxPrice("orange-prepaid-15", Currency.getInstance("EUR"))).isEqualTo(Money.of(3000, "EUR"));
	}

	@Test
	void capsAPlanItDoesNotKnowAtTheDefaultInTheLinesCurrency() {
		Plans plans = Plans.empty(new BigDecimal("100.00"));
		assertThat(plans.maxPrice("unknown", Currency.getInstance("USD"))).isEqualTo(Money.of(10000, "USD"));
		assertThat(plans.maxPrice("unknown", Currency.getInstance("JPY"))).isEqualTo(Money.of(100, "JPY"));
	}

	@Test
	void aBadEntryNamesTheFileThePlanAndTheField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Plans.parse(PLAN.replace("amountCents: 3000", "amountCents: 1000"), "p.yml",
					Plans.DEFAULT_MAX_PRICE))
			.withMessage(
					"plans file p.yml, plan orange-prepaid-15: price.amountCents exceeds maxPrice.amountCents 1000");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Plans.parse(PLAN.replace("currency: EUR}\n    validity", "currency: XXY}\n    validity"),
					"p.yml", Plans.DEFAULT_MAX_PRICE))
			.withMessageContaining("plan orange-prepaid-15: maxPrice.currency is not an ISO 4217 currency code");
		assertThatIllegalArgumentException().isThrownBy(
				() -> Plans.parse(PLAN.replace("graceDays: 30", "graceDays: soon"), "p.yml", Plans.DEFAULT_MAX_PRICE))
			.withMessage("plans file p.yml, plan orange-prepaid-15: afterLapse.graceDays is required, a whole number");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> Plans.parse(PLAN + PLAN.substring(PLAN.indexOf("  - id")), "p.yml", Plans.DEFAULT_MAX_PRICE))
			.withMessageContaining("plan orange-prepaid-15: id appears more than once");
	}

	@Test
	void aServiceReadsTheNamedFileAndStopsOnABadOne(@TempDir Path directory) throws Exception {
		Path file = Files.writeString(directory.resolve("plans.yml"), PLAN);
		this.contexts.withPropertyValues("keepline.plans.file=" + file)
			.run((context) -> assertThat(context.getBean(Plans.class).find("orange-prepaid-15")).isPresent());
		Files.writeString(file, PLAN.replace("    validityDays: 365\n", ""));
		this.contexts.withPropertyValues("keepline.plans.file=" + file)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage(
						"plans file " + file + ", plan orange-prepaid-15: validityDays is required, a whole number"));
		this.contexts.run((context) -> assertThat(context.getBean(Plans.class).all()).isEmpty());
	}

}
