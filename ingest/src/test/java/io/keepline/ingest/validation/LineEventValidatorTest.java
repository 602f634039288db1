package io.keepline.ingest.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class LineEventValidatorTest {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	static final OperatorId ORANGE = OperatorId.of("orange");

	final LineEventValidator validator = new LineEventValidator((msisdn) -> null);

	@Test
	void acceptsACompleteRegistrationAndStampsTheReceiptTime() {
		Validation verdict = this.validator.validate(Samples.lineRegistered(), ORANGE, NOW);

		assertThat(verdict.errors()).isEmpty();
		LineRegistered event = (LineRegistered) verdict.event();
		assertThat(event.msisdn()).isEqualTo(Msisdn.of("+32470123456"));
		assertThat(event.operator()).isEqualTo(ORANGE);
		assertThat(event.validUntil()).isEqualTo(LocalDate.parse("2026-12-31"));
		assertThat(event.renewalPrice()).isEqualTo(Money.of(1500, "EUR"));
		assertThat(event.leadDays()).containsExactly(30, 7, 1);
		assertThat(event.occurredAt()).isEqualTo(NOW);
		assertThat(verdict.eventId()).isEqualTo("5b1c6f0e-8a53-4e0b-9d47-3f2a1c9e7b10");
	}

	@Test
	void keepsTheOperatorsOwnOccurredAt() {
		Validation verdict = this.validator.validate(Samples.holderUpdated(), ORANGE, NOW);

		assertThat(verdict.event().occurredAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
	}

	@ParameterizedTest
	@MethodSource("validItems")
	void buildsExactlyWhatTheWireFormatBindingBuilds(ObjectNode item) {
		LineEvent bound = EventJson.read(item, LineEvent.class).receivedAt(NOW);

		Validation verdict = this.validator.validate(item, ORANGE, NOW);

		assertThat(verdict.errors()).isEmpty();
		assertThat(verdict.event()).isEqualTo(bound);
	}

	static Stream<ObjectNode> validItems() {
		ObjectNode minimal = Samples.lineRegistered();
		minimal.remove(List.of("leadDays", "autoRenew"));
		((ObjectNode) minimal.get("holder")).remove(List.of("name", "sms", "webhookUrl"));
		return Stream.of(Samples.lineRegistered(), minimal, Samples.validityExtended(), Samples.holderUpdated(),
				Samples.lineCancelled(), Samples.lineErased());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.keepline.ingest.validation.BrokenItems#all")
	void rejectsEachBrokenRuleWithItsOwnReason(String rule, Consumer<ObjectNode> breakIt, String field, String reason) {
		ObjectNode item = Samples.lineRegistered();
		breakIt.accept(item);

		Validation verdict = this.validator.validate(item, ORANGE, NOW);

		assertThat(verdict.isAccepted()).isFalse();
		assertThat(verdict.errors()).contains(new FieldError(field, reason));
	}

	@Test
	void listsEveryProblemOfAnItemNotJustTheFirst() {
		ObjectNode item = Samples.lineRegistered();
		item.put("eventId", "nope");
		item.put("operator", "proximus");
		holder(item).put("email", "bad");
		holder(item).put("locale", "xx");
		leadDays(item, 0, 400);

		Validation verdict = this.validator.validate(item, ORANGE, NOW);

		assertThat(verdict.errors()).containsExactlyInAnyOrder(new FieldError("eventId", "invalid_uuid"),
				new FieldError("operator", "operator_mismatch"), new FieldError("holder.email", "invalid_email"),
				new FieldError("holder.locale", "unsupported_locale"),
				new FieldError("leadDays[0]", "lead_days_out_of_range"),
				new FieldError("leadDays[1]", "lead_days_out_of_range"));
		assertThat(verdict.eventId()).isEqualTo("nope");
	}

	@Test
	void takesAnAbsentAutoRenewAsNo() {
		ObjectNode item = Samples.lineRegistered();
		item.remove("autoRenew");

		assertThat(((LineRegistered) this.validator.validate(item, ORANGE, NOW).event()).autoRenew()).isFalse();
	}

	@Test
	void allowsPlainHttpWebhooksOnlyToThisMachine() {
		ObjectNode item = Samples.lineRegistered();
		holder(item).put("webhookUrl", "http://localhost:9000/hook");

		assertThat(this.validator.validate(item, ORANGE, NOW).isAccepted()).isTrue();
	}

	@Test
	void acceptsAValidityDateExactlyFiveYearsAhead() {
		ObjectNode item = Samples.validityExtended();
		item.put("validUntil", "2031-11-25");

		assertThat(this.validator.validate(item, ORANGE, NOW).isAccepted()).isTrue();
	}

	@Test
	void stillChecksTheCommonFieldsOfAnUnknownType() {
		ObjectNode item = Samples.lineErased();
		item.put("type", "LineStolen");
		item.put("msisdn", "12");

		assertThat(this.validator.validate(item, ORANGE, NOW).errors())
			.containsExactlyInAnyOrder(new FieldError("type", "unknown_type"), new FieldError("msisdn", "not_e164"));
	}

	@Test
	void takesNoResendRequestFromAnOperatorsBatchOnlyFromTheOperatorApi() {
		ObjectNode item = Samples.validityExtended();
		item.put("type", "ReminderResendRequested");

		assertThat(this.validator.validate(item, ORANGE, NOW).errors())
			.containsExactly(new FieldError("type", "unknown_type"));
	}

	@Test
	void rejectsAnythingButAnObject() {
		assertThat(this.validator.validate(EventJson.mapper().readTree("[1]"), ORANGE, NOW).errors())
			.containsExactly(new FieldError("$", "not_an_object"));
	}

	static ObjectNode holder(ObjectNode item) {
		return (ObjectNode) item.get("holder");
	}

	static void leadDays(ObjectNode item, int... days) {
		var array = item.putArray("leadDays");
		for (int day : days) {
			array.add(day);
		}
	}

}
