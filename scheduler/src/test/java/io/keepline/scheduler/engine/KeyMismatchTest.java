package io.keepline.scheduler.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.topic.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record keyed by another line than its event's never reaches the rules: it is handed
 * to the dead-letter recoverer as it was read, and the records after it are applied.
 */
class KeyMismatchTest {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2026-06-30");

	private final Msisdn line = Msisdn.of("+32470000011");

	private final Msisdn other = Msisdn.of("+32470000022");

	@Test
	void deadLettersALineEventKeyedByAnotherLineAndAppliesTheNextOne() {
		try (EngineHarness engine = new EngineHarness(NOW)) {
			engine.send(this.other, Fixtures.registered(this.line, VALID_UNTIL, "Europe/Brussels", NOW))
				.send(Fixtures.registered(this.line, VALID_UNTIL, "Europe/Brussels", NOW));

			assertThat(engine.state(this.other)).as("the line the record was keyed by").isNull();
			assertThat(engine.state(this.line)).isNotNull();
			assertThat(engine.deadLetters()).singleElement().satisfies((record) -> {
				assertThat(record.topic()).isEqualTo(Topics.LINE_EVENTS.name());
				assertThat(new String((byte[]) record.key(), StandardCharsets.UTF_8)).isEqualTo(this.other.value());
				assertThat(new String((byte[]) record.value(), StandardCharsets.UTF_8))
					.contains("\"msisdn\":\"" + this.line.value() + "\"");
			});
		}
	}

	@Test
	void aPaymentKeyedByAnotherLineDoesNotConfirmThatLine() {
		try (EngineHarness engine = new EngineHarness(NOW)) {
			engine.send(Fixtures.registered(this.line, VALID_UNTIL, "Europe/Brussels", NOW))
				.send(this.line, Fixtures.paid(this.other, VALID_UNTIL, "pi_other", NOW));

			assertThat(engine.emitted(RenewalConfirmed.class)).isEmpty();
			assertThat(engine.deadLetters()).singleElement()
				.satisfies((record) -> assertThat(record.topic()).isEqualTo(Topics.PAYMENT_EVENTS.name()));

			engine.send(Fixtures.paid(this.line, VALID_UNTIL, "pi_line", NOW));
			assertThat(engine.emitted(RenewalConfirmed.class)).singleElement()
				.satisfies((confirmed) -> assertThat(confirmed.msisdn()).isEqualTo(this.line));
		}
	}

}
