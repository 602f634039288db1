package io.keepline.scheduler.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.scheduler.engine.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The rules' dispatch over the sealed input event types reaches a branch for each of them
 * (Java 17 has no exhaustive switch to say so): one sample of every permitted type, sent
 * by the line's owner, is applied to a registered line and is not left unhandled.
 */
class EveryInputEventTypeTest {

	private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	private final LineRules rules = new LineRules(EngineSettings.defaults());

	@Test
	void appliesEveryLineEventType() {
		assertThat(EventSamples.everyPermitted(LineEvent.class))
			.hasSize(LineEvent.class.getPermittedSubclasses().length)
			.allSatisfy((event) -> {
				LineState line = registered(event.msisdn(), event.operator());
				assertThatCode(() -> this.rules.apply(line, event.msisdn(), event, NOW)).doesNotThrowAnyException();
				assertThat(this.rules.apply(line, event.msisdn(), event, NOW).state())
					.as("%s was handled, not refused", event.getClass().getSimpleName())
					.isNotSameAs(line);
			});
	}

	@Test
	void appliesEveryPaymentEventType() {
		assertThat(EventSamples.everyPermitted(PaymentEvent.class))
			.hasSize(PaymentEvent.class.getPermittedSubclasses().length)
			.allSatisfy((event) -> {
				LineState line = registered(event.msisdn(), Fixtures.ORANGE);
				assertThatCode(() -> this.rules.apply(line, event.msisdn(), event, NOW)).doesNotThrowAnyException();
				assertThat(this.rules.apply(line, event.msisdn(), event, NOW).state())
					.as("%s was handled", event.getClass().getSimpleName())
					.isNotSameAs(line);
			});
	}

	private LineState registered(Msisdn msisdn, OperatorId operator) {
		LineRegistered registration = new LineRegistered(UUID.randomUUID(), NOW, msisdn, operator, "prepaid-15",
				LocalDate.parse("2026-12-31"), Fixtures.PRICE, Fixtures.holder("Europe/Brussels"), null, true);
		return this.rules.apply(null, msisdn, registration, NOW).state();
	}

}
