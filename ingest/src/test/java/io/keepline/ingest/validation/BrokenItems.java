package io.keepline.ingest.validation;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.node.ObjectNode;

/**
 * One broken rule per case: a name, how to break a valid {@link Samples#lineRegistered()}
 * item, and the field and reason code the break must be reported with.
 */
public final class BrokenItems {

	private BrokenItems() {
	}

	public static Stream<Arguments> all() {
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
