package io.keepline.contracts.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;

/**
 * Reads the dates Keepline itself writes ({@code 2027-03-15T09:00:00.123Z} and
 * {@code 2027-03-15}) by hand, a tenth of the cost of a formatter's parse; any other text
 * or token goes to Jackson's own deserializer, so that what is accepted, what it means
 * and how a bad value is reported stay exactly as they were.
 */
final class CanonicalDates {

	private static final int[] SCALE = { 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1 };

	private CanonicalDates() {
	}

	static ValueDeserializer<Instant> instants() {
		return new Fast<>(Instant.class, InstantDeserializer.INSTANT) {
			@Override
			Instant parse(String text) {
				return instant(text);
			}
		};
	}

	static ValueDeserializer<LocalDate> dates() {
		return new Fast<>(LocalDate.class, LocalDateDeserializer.INSTANCE) {
			@Override
			LocalDate parse(String text) {
				return date(text);
			}
		};
	}

	/**
	 * {@code text} as an instant if it is {@code yyyy-MM-ddTHH:mm:ss} with 1 to 9 digits
	 * of fraction or none and {@code Z}, and a valid one; else null.
	 */
	static Instant instant(String text) {
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
				|| text.charAt(length - 1) != 'Z') {
			return null;
		}
		LocalDate day = date(text.substring(0, 10));
		int hour = number(text, 11, 2);
		int minute = number(text, 14, 2);
		int second = number(text, 17, 2);
		if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int nano = 0;
		if (length > 20) {
			int digits = length - 21;
			int fraction = (digits >= 1 && text.charAt(19) == '.') ? number(text, 20, digits) : -1;
			if (fraction < 0) {
				return null;
			}
			nano = fraction * SCALE[digits - 1];
		}
		return Instant.ofEpochSecond(day.toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second, nano);
	}

	/** {@code text} as a date if it is {@code yyyy-MM-dd} and a valid one; else null. */
	static LocalDate date(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return null;
		}
		int year = number(text, 0, 4);
		int month = number(text, 5, 2);
		int day = number(text, 8, 2);
		if (year < 0 || month < 0 || day < 0) {
			return null;
		}
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The decimal number of {@code count} ASCII digits at {@code from}; -1 if not. */
	private static int number(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/** A string in the canonical form by hand, anything else by {@code standard}. */
	private abstract static class Fast<T> extends StdScalarDeserializer<T> {

		private final ValueDeserializer<? extends T> standard;

		Fast(Class<T> type, ValueDeserializer<? extends T> standard) {
			super(type);
			this.standard = standard;
		}

		abstract T parse(String text);

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				T value = parse(parser.getString());
				if (value != null) {
					return value;
				}
			}
			return this.standard.deserialize(parser, context);
		}

	}

}
