package io.keepline.ingest.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.OperatorId;

/**
 * Strict parsers of the wire format's scalar values: each returns null and records the
 * reason when the text is not acceptable. Lookup tables are built once.
 */
final class Formats {

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
			+ "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	private static final Set<String> ZONE_IDS = ZoneId.getAvailableZoneIds();

	private static final Map<String, Currency> CURRENCIES = currencies();

	private static final Map<String, HolderLocale> LOCALES = locales();

	private Formats() {
	}

	static UUID uuid(String text, String path, FieldProblems problems) {
		if (!UUID_SHAPE.matcher(text).matches()) {
			problems.add(path, Reasons.INVALID_UUID);
			return null;
		}
		return UUID.fromString(text);
	}

	static Instant instant(String text, String path, FieldProblems problems) {
		try {
			return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
		}
		catch (DateTimeException ex) {
			problems.add(path, Reasons.INVALID_INSTANT);
			return null;
		}
	}

	static LocalDate date(String text, String path, FieldProblems problems) {
		if (DATE_SHAPE.matcher(text).matches()) {
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeException ex) {
				// reported below
			}
		}
		problems.add(path, Reasons.INVALID_DATE);
		return null;
	}

	static Currency currency(String text, String path, FieldProblems problems) {
		Currency currency = CURRENCIES.get(text);
		if (currency == null) {
			problems.add(path, Reasons.INVALID_CURRENCY);
		}
		else if (!StripeCurrencies.accepts(currency)) {
			problems.add(path, Reasons.UNSUPPORTED_CURRENCY);
			return null;
		}
		return currency;
	}

	static ZoneId timeZone(String text, String path, FieldProblems problems) {
		if (!ZONE_IDS.contains(text)) {
			problems.add(path, Reasons.INVALID_TIME_ZONE);
			return null;
		}
		return ZoneId.of(text);
	}

	static HolderLocale locale(String text, String path, FieldProblems problems) {
		HolderLocale locale = LOCALES.get(text);
		if (locale == null) {
			problems.add(path, Reasons.UNSUPPORTED_LOCALE);
		}
		return locale;
	}

	static OperatorId operator(String text, String path, FieldProblems problems) {
		try {
			return OperatorId.of(text);
		}
		catch (InvalidValueException ex) {
			problems.add(path, ex.reason());
			return null;
		}
	}

	static String email(String text, String path, FieldProblems problems) {
		if (!EMAIL.matcher(text).matches()) {
			problems.add(path, Reasons.INVALID_EMAIL);
			return null;
		}
		return text;
	}

	/** An absolute https URL; plain http only to this machine (for local testing). */
	static URI webhookUrl(String text, String path, FieldProblems problems) {
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			problems.add(path, Reasons.INVALID_URL);
			return null;
		}
		if (!uri.isAbsolute() || uri.getHost() == null) {
			problems.add(path, Reasons.INVALID_URL);
			return null;
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		boolean local = LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
		if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
			problems.add(path, Reasons.NOT_HTTPS);
			return null;
		}
		return uri;
	}

	private static Map<String, Currency> currencies() {
		Map<String, Currency> currencies = new HashMap<>();
		for (Currency currency : Currency.getAvailableCurrencies()) {
			if (currency.getDefaultFractionDigits() >= 0) {
				currencies.put(currency.getCurrencyCode(), currency);
			}
		}
		return Map.copyOf(currencies);
	}

	private static Map<String, HolderLocale> locales() {
		Map<String, HolderLocale> locales = new HashMap<>();
		for (HolderLocale locale : HolderLocale.values()) {
			locales.put(locale.code(), locale);
		}
		return Map.copyOf(locales);
	}

}
