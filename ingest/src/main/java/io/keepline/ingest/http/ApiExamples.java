package io.keepline.ingest.http;

/**
 * Examples and reason codes shown in the OpenAPI description.
 */
final class ApiExamples {

	static final String REASONS = "required, wrong_type, blank, too_long, unknown_field, unknown_type, invalid_uuid, "
			+ "invalid_instant, in_future, not_e164, invalid_msisdn, not_mobile, operator_mismatch, "
			+ "line_of_another_operator (the msisdn is a line another operator registered), invalid_date, "
			+ "too_far_ahead, not_positive, invalid_currency, unsupported_currency (a currency Stripe does not charge in), "
			+ "above_max_price:<cap in minor units> (renewalPrice.amountCents is over the plan's maxPrice or the default "
			+ "cap), not_plan_currency:<code> (renewalPrice.currency is not the plan's), no_channel, invalid_email, invalid_url, not_https, "
			+ "unsupported_locale, invalid_time_zone, lead_days_empty, lead_days_too_many, "
			+ "lead_days_out_of_range, lead_days_duplicate.";

	static final String BATCH = """
			[{"type": "LineRegistered", "eventId": "5b1c6f0e-8a53-4e0b-9d47-3f2a1c9e7b10",
			  "msisdn": "+32470123456", "operator": "orange", "plan": "orange-prepaid-15",
			  "validUntil": "2026-12-31", "renewalPrice": {"amountCents": 1500, "currency": "EUR"},
			  "holder": {"name": "Li Wei", "email": "li@example.com", "sms": "+8613800138000",
			             "webhookUrl": null, "locale": "zh", "timeZone": "Asia/Shanghai"},
			  "leadDays": [30, 7, 1], "autoRenew": false},
			 {"type": "ValidityExtended", "eventId": "0d9e2a4c-1f6b-4c38-a2d5-7e8f9a0b1c2d",
			  "msisdn": "+32470123456", "operator": "orange", "validUntil": "2027-12-31"}]""";

	static final String RESULTS = """
			{"accepted": 1, "rejected": 1, "results": [
			  {"index": 0, "eventId": "5b1c6f0e-8a53-4e0b-9d47-3f2a1c9e7b10", "status": "accepted", "errors": []},
			  {"index": 1, "eventId": "0d9e2a4c-1f6b-4c38-a2d5-7e8f9a0b1c2d", "status": "rejected",
			   "errors": [{"field": "validUntil", "reason": "too_far_ahead"}]}]}""";

	static final String CSV = """
			type,eventId,msisdn,operator,plan,validUntil,renewalPrice.amountCents,renewalPrice.currency,\
			holder.email,holder.locale,holder.timeZone,leadDays,autoRenew
			LineRegistered,5b1c6f0e-8a53-4e0b-9d47-3f2a1c9e7b10,+32470123456,orange,orange-prepaid-15,\
			2026-12-31,1500,EUR,li@example.com,zh,Asia/Shanghai,30;7;1,false
			""";

	private ApiExamples() {
	}

}
