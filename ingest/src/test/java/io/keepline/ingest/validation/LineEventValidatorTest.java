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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class LineEventValidatorTest {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	static final OperatorId ORANGE = OperatorId.of("orange");

	final LineEventValidator validator = new LineEventValidator();

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
		// autoRenew stays: the contracts binding insists on it, ingest defaults it to
		// false.
		minimal.remove("leadDays");
		((ObjectNode) minimal.get("holder")).remove(List.of("name", "sms", "webhookUrl"));
		return Stream.of(Samples.lineRegistered(), minimal, Samples.validityExtended(), Samples.holderUpdated(),
				Samples.lineCancelled(), Samples.lineErased());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenItems")
	void rejectsEachBrokenRuleWithItsOwnReason(String rule, Consumer<ObjectNode> breakIt, String field, String reason) {
		ObjectNode item = Samples.lineRegistered();
		breakIt.accept(item);

		Validation verdict = this.validator.validate(item, ORANGE, NOW);

		assertThat(verdict.isAccepted()).isFalse();
		assertThat(verdict.errors()).contains(new FieldError(field, reason));
	}

	static Stream<Arguments> brokenItems() {
		return Stream.of(rule("type missing", (i) -> i.remove("type"), "type", "required"),
				rule("unknown type", (i) -> i.put("type", "LineStolen"), "type", "unknown_type"),
				rule("eventId missing", (i) -> i.remove("eventId"), "eventId", "required"),
				rule("eventId not a UUID", (i) -> i.put("eventId", "1-1-1-1-1"), "eventId", "invalid_uuid"),
				rule("eventId a number", (i) -> i.put("eventId", 42), "eventId", "wrong_type"),
				rule("occurredAt unparseable", (i) -> i.put("occurredAt", "yesterday"), "occurredAt",
						"invalid_instant"),
				rule("occurredAt in the future", (i) -> i.put("occurredAt", "2026-11-26T12:00:00Z"), "occurredAt",
						"in_future"),
				rule("msisdn missing", (i) -> i.remove("msisdn"), "msisdn", "required"),
				rule("msisdn not E.164", (i) -> i.put("msisdn", "0470123456"), "msisdn", "not_e164"),
				rule("msisdn not in a numbering plan", (i) -> i.put("msisdn", "+999123456789"), "msisdn",
						"invalid_msisdn"),
				rule("msisdn a landline", (i) -> i.put("msisdn", "+3212345678"), "msisdn", "not_mobile"),
				rule("another operator", (i) -> i.put("operator", "proximus"), "operator", "operator_mismatch"),
				rule("operator missing", (i) -> i.remove("operator"), "operator", "required"),
				rule("plan missing", (i) -> i.remove("plan"), "plan", "required"),
				rule("plan blank", (i) -> i.put("plan", "  "), "plan", "blank"),
				rule("plan too long", (i) -> i.put("plan", "p".repeat(65)), "plan", "too_long"),
				rule("validUntil missing", (i) -> i.remove("validUntil"), "validUntil", "required"),
				rule("validUntil not a real date", (i) -> i.put("validUntil", "2026-02-30"), "validUntil",
						"invalid_date"),
				rule("validUntil not ISO", (i) -> i.put("validUntil", "31/12/2026"), "validUntil", "invalid_date"),
				rule("validUntil over 5 years ahead", (i) -> i.put("validUntil", "2031-11-26"), "validUntil",
						"too_far_ahead"),
				rule("price missing", (i) -> i.remove("renewalPrice"), "renewalPrice", "required"),
				rule("price zero", (i) -> price(i).put("amountCents", 0), "renewalPrice.amountCents", "not_positive"),
				rule("price negative", (i) -> price(i).put("amountCents", -5), "renewalPrice.amountCents",
						"not_positive"),
				rule("price fractional", (i) -> price(i).put("amountCents", 15.5), "renewalPrice.amountCents",
						"wrong_type"),
				rule("currency unknown", (i) -> price(i).put("currency", "EURO"), "renewalPrice.currency",
						"invalid_currency"),
				rule("currency lower case", (i) -> price(i).put("currency", "eur"), "renewalPrice.currency",
						"invalid_currency"),
				rule("price extra field", (i) -> price(i).put("vat", 21), "renewalPrice.vat", "unknown_field"),
				rule("holder missing", (i) -> i.remove("holder"), "holder", "required"),
				rule("holder not an object", (i) -> i.put("holder", "li"), "holder", "wrong_type"),
				rule("holder without channel", (i) -> holder(i).remove(List.of("email", "sms")), "holder",
						"no_channel"),
				rule("email syntax", (i) -> holder(i).put("email", "li@"), "holder.email", "invalid_email"),
				rule("email too long", (i) -> holder(i).put("email", "a".repeat(250) + "@x.be"), "holder.email",
						"too_long"),
				rule("sms not E.164", (i) -> holder(i).put("sms", "13800138000"), "holder.sms", "not_e164"),
				rule("webhook over http", (i) -> holder(i).put("webhookUrl", "http://hooks.example.com/k"),
						"holder.webhookUrl", "not_https"),
				rule("webhook not a URL", (i) -> holder(i).put("webhookUrl", "https://exa mple.com"),
						"holder.webhookUrl", "invalid_url"),
				rule("webhook relative", (i) -> holder(i).put("webhookUrl", "/hooks"), "holder.webhookUrl",
						"invalid_url"),
				rule("locale unsupported", (i) -> holder(i).put("locale", "es"), "holder.locale", "unsupported_locale"),
				rule("locale missing", (i) -> holder(i).remove("locale"), "holder.locale", "required"),
				rule("time zone unknown", (i) -> holder(i).put("timeZone", "Mars/Olympus"), "holder.timeZone",
						"invalid_time_zone"),
				rule("time zone an offset", (i) -> holder(i).put("timeZone", "+02:00"), "holder.timeZone",
						"invalid_time_zone"),
				rule("holder name too long", (i) -> holder(i).put("name", "n".repeat(201)), "holder.name", "too_long"),
				rule("holder extra field", (i) -> holder(i).put("iban", "BE00"), "holder.iban", "unknown_field"),
				rule("lead days not a list", (i) -> i.put("leadDays", 30), "leadDays", "wrong_type"),
				rule("lead days empty", (i) -> i.putArray("leadDays"), "leadDays", "lead_days_empty"),
				rule("lead days too many", (i) -> leadDays(i, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), "leadDays",
						"lead_days_too_many"),
				rule("lead day zero", (i) -> leadDays(i, 30, 0), "leadDays[1]", "lead_days_out_of_range"),
				rule("lead day over a year", (i) -> leadDays(i, 366), "leadDays[0]", "lead_days_out_of_range"),
				rule("lead day twice", (i) -> leadDays(i, 7, 30, 7), "leadDays[2]", "lead_days_duplicate"),
				rule("autoRenew not a boolean", (i) -> i.put("autoRenew", "yes"), "autoRenew", "wrong_type"),
				rule("unknown top-level field", (i) -> i.put("colour", "red"), "colour", "unknown_field"),
				rule("field of another type", (i) -> i.put("reason", "x"), "reason", "unknown_field"));
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
	void rejectsAnythingButAnObject() {
		assertThat(this.validator.validate(EventJson.mapper().readTree("[1]"), ORANGE, NOW).errors())
			.containsExactly(new FieldError("$", "not_an_object"));
	}

	static Arguments rule(String rule, Consumer<ObjectNode> breakIt, String field, String reason) {
		return Arguments.of(rule, breakIt, field, reason);
	}

	static ObjectNode price(ObjectNode item) {
		return (ObjectNode) item.get("renewalPrice");
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
