package io.keepline.contracts.json;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keepline's mapper reads every date and instant exactly as Jackson's own deserializers
 * do (the same value, or a failure where they fail), whether the hand-written fast path
 * takes it or passes it on.
 */
class CanonicalDatesTest {

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "2027-03-15T09:00:00Z", "2027-03-15T09:00:00.1Z", "2027-03-15T09:00:00.12Z",
			"2027-03-15T09:00:00.123Z", "2027-03-15T09:00:00.1234Z", "2027-03-15T09:00:00.123456Z",
			"2027-03-15T09:00:00.123456789Z", "2026-12-07T18:13:46.436155731Z", "2028-02-29T23:59:59.999999999Z",
			"0000-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "9999-12-31T23:59:59Z", "2027-02-29T09:00:00Z",
			"2027-02-30T09:00:00Z", "2027-13-01T09:00:00Z", "2027-03-15T24:00:00Z", "2027-03-15T09:60:00Z",
			"2027-03-15T09:00:60Z", "2027-03-15T09:00:00.Z", "2027-03-15T09:00:00.1234567890Z", "2027-03-15t09:00:00z",
			"2027-03-15T09:00:00+01:00", "2027-03-15T09:00Z", " 2027-03-15T09:00:00Z", "2027-03-15T09:00:00",
			"+2027-03-15T09:00:00Z", "2027-03-1xT09:00:00Z", "", "1700000000", "yesterday" })
	void readsInstantsAsJacksonDoes(String text) {
		assertSame(text, Instant.class);
	}

	@Test
	void takesTheFormKeeplineWrites() {
		assertThat(CanonicalDates.instant("2026-12-07T18:13:46.436155731Z"))
			.isEqualTo(Instant.parse("2026-12-07T18:13:46.436155731Z"));
		assertThat(CanonicalDates.instant("2027-03-15T09:00:00Z")).isEqualTo(Instant.parse("2027-03-15T09:00:00Z"));
		assertThat(CanonicalDates.date("2027-03-15")).isEqualTo(LocalDate.parse("2027-03-15"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2027-03-15", "2028-02-29", "2027-02-29", "2027-04-31", "2027-00-10", "0000-01-01",
			"9999-12-31", "2027-3-15", "2027-03-15T00:00:00", "2027-03-15Z", "20270315", "+2027-03-15", "",
			"2027/03/15", "2027-03-1x" })
	void readsDatesAsJacksonDoes(String text) {
		assertSame(text, LocalDate.class);
	}

	private static void assertSame(String text, Class<?> type) {
		String json = "\"" + text + "\"";
		Object expected = read(PLAIN, json, type);
		Object actual = read(EventJson.mapper(), json, type);
		assertThat(actual).isEqualTo(expected);
		Object fast = (type == Instant.class) ? CanonicalDates.instant(text) : CanonicalDates.date(text);
		if (fast != null) {
			assertThat(fast).isEqualTo(expected);
		}
	}

	/** The value read, or the failure's class for a text Jackson refuses. */
	private static Object read(JsonMapper mapper, String json, Class<?> type) {
		try {
			return mapper.readValue(json, type);
		}
		catch (JacksonException ex) {
			return ex.getClass();
		}
	}

}
