package io.keepline.ingest.lines;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.linerecord.CycleState;

/**
 * One page's worth of {@code GET /v1/lines}: the states wanted (empty: all), the window
 * of validUntil dates (either end open), a number prefix, the page size and where the
 * previous page ended (an opaque cursor). {@link #parse} checks every parameter and names
 * each bad one.
 */
record LineQuery(Set<CycleState> states, LocalDate validFrom, LocalDate validTo, String msisdnPrefix, int limit,
		String after) {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	private static final Pattern PREFIX = Pattern.compile("\\+[0-9]{0,15}");

	private static final Pattern MSISDN = Pattern.compile("\\+[0-9]{1,15}");

	private static final String CURSOR_VERSION = "v1|";

	/**
	 * The query of these request parameters (each may be null).
	 * @throws OperatorApiProblem.BadRequest naming every bad parameter
	 */
	static LineQuery parse(String state, String validFrom, String validTo, String msisdnPrefix, String limit,
			String cursor) {
		List<FieldError> errors = new ArrayList<>();
		Set<CycleState> states = states(state, errors);
		LocalDate from = date("validFrom", validFrom, errors);
		LocalDate to = date("validTo", validTo, errors);
		if (from != null && to != null && from.isAfter(to)) {
			errors.add(new FieldError("validTo", "before_valid_from"));
		}
		String prefix = (msisdnPrefix != null && !msisdnPrefix.isBlank()) ? msisdnPrefix.strip() : "";
		if (!PREFIX.matcher(prefix).matches() && !prefix.isEmpty()) {
			errors.add(new FieldError("msisdnPrefix", "not_an_e164_prefix"));
		}
		int size = limit(limit, errors);
		String after = (cursor != null && !cursor.isBlank()) ? cursor(cursor.strip(), errors) : null;
		if (!errors.isEmpty()) {
			throw new OperatorApiProblem.BadRequest(errors);
		}
		return new LineQuery(states, from, to, prefix, size, after);
	}

	/** Whether {@code line} passes the state and validity filters. */
	boolean matches(LineSummary line) {
		return (this.states.isEmpty() || this.states.contains(line.cycleState()))
				&& (this.validFrom == null || !line.validUntil().isBefore(this.validFrom))
				&& (this.validTo == null || !line.validUntil().isAfter(this.validTo));
	}

	/** The opaque cursor of a page that ended at {@code msisdn}. */
	static String cursorAfter(String msisdn) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((CURSOR_VERSION + msisdn).getBytes(StandardCharsets.UTF_8));
	}

	private static Set<CycleState> states(String value, List<FieldError> errors) {
		Set<CycleState> states = EnumSet.noneOf(CycleState.class);
		if (value == null || value.isBlank()) {
			return states;
		}
		for (String name : value.split(",")) {
			try {
				states.add(CycleState.valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("state", "unknown_state"));
				return states;
			}
		}
		return states;
	}

	private static LocalDate date(String field, String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "not_an_iso_date"));
			return null;
		}
	}

	private static int limit(String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value.strip());
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(new FieldError("limit", "not_between_1_and_" + MAX_LIMIT));
		return DEFAULT_LIMIT;
	}

	private static String cursor(String value, List<FieldError> errors) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			if (decoded.startsWith(CURSOR_VERSION)
					&& MSISDN.matcher(decoded.substring(CURSOR_VERSION.length())).matches()) {
				return decoded.substring(CURSOR_VERSION.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		errors.add(new FieldError("cursor", "not_a_cursor_of_this_api"));
		return null;
	}

}
