package io.keepline.ingest.validation;

/**
 * The reason codes ingest reports, part of the public API: operators match on them.
 */
public final class Reasons {

	public static final String REQUIRED = "required";

	public static final String WRONG_TYPE = "wrong_type";

	public static final String BLANK = "blank";

	public static final String TOO_LONG = "too_long";

	public static final String UNKNOWN_FIELD = "unknown_field";

	public static final String UNKNOWN_TYPE = "unknown_type";

	public static final String NOT_AN_OBJECT = "not_an_object";

	public static final String MALFORMED_JSON = "malformed_json";

	public static final String INVALID_UUID = "invalid_uuid";

	public static final String INVALID_INSTANT = "invalid_instant";

	public static final String IN_FUTURE = "in_future";

	public static final String NOT_E164 = "not_e164";

	public static final String INVALID_MSISDN = "invalid_msisdn";

	public static final String NOT_MOBILE = "not_mobile";

	public static final String OPERATOR_MISMATCH = "operator_mismatch";

	public static final String UNKNOWN_OPERATOR = "unknown_operator";

	/** The line belongs to another operator (design §4). */
	public static final String LINE_OF_ANOTHER_OPERATOR = "line_of_another_operator";

	public static final String INVALID_DATE = "invalid_date";

	public static final String TOO_FAR_AHEAD = "too_far_ahead";

	public static final String NOT_POSITIVE = "not_positive";

	public static final String INVALID_CURRENCY = "invalid_currency";

	/** An ISO 4217 code Stripe does not charge in. */
	public static final String UNSUPPORTED_CURRENCY = "unsupported_currency";

	/**
	 * The renewal price is over its plan's cap (or the default cap); the reason goes on
	 * with the cap in minor units: {@code above_max_price:3000}.
	 */
	public static final String ABOVE_MAX_PRICE = "above_max_price";

	/**
	 * The renewal price is not in the currency its plan is sold in; the reason goes on
	 * with the plan's currency: {@code not_plan_currency:EUR}.
	 */
	public static final String NOT_PLAN_CURRENCY = "not_plan_currency";

	public static final String NO_CHANNEL = "no_channel";

	public static final String INVALID_EMAIL = "invalid_email";

	public static final String INVALID_URL = "invalid_url";

	public static final String NOT_HTTPS = "not_https";

	public static final String UNSUPPORTED_LOCALE = "unsupported_locale";

	public static final String INVALID_TIME_ZONE = "invalid_time_zone";

	public static final String LEAD_DAYS_EMPTY = "lead_days_empty";

	public static final String LEAD_DAYS_TOO_MANY = "lead_days_too_many";

	public static final String LEAD_DAYS_OUT_OF_RANGE = "lead_days_out_of_range";

	public static final String LEAD_DAYS_DUPLICATE = "lead_days_duplicate";

	public static final String INTERNAL_ERROR = "internal_error";

	private Reasons() {
	}

}
