package io.keepline.ingest.validation;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import tools.jackson.databind.JsonNode;

/**
 * How ingest reads a value of each Java type a contracts record may hold: as a JSON
 * string of bounded length parsed strictly (ids, instants, dates, numbers, currencies,
 * locales, time zones, URLs), a free text, a boolean, an integer or a list of them. A
 * record component of a type not listed here stops ingest at start-up, naming it.
 */
final class WireValues {

	/**
	 * Characters a free-text field may take when ingest has no rule of its own for it.
	 */
	static final int TEXT_MAX_LENGTH = 500;

	private static final Map<Class<?>, WireValue> BY_TYPE = Map.ofEntries(
			Map.entry(String.class, text(TEXT_MAX_LENGTH)), Map.entry(UUID.class, parsed(64, Formats::uuid)),
			Map.entry(Instant.class, parsed(64, Formats::instant)),
			Map.entry(LocalDate.class, parsed(32, Formats::date)), Map.entry(Msisdn.class, parsed(32, Phones::mobile)),
			Map.entry(OperatorId.class, parsed(64, Formats::operator)),
			Map.entry(Currency.class, parsed(16, Formats::currency)),
			Map.entry(HolderLocale.class, parsed(16, Formats::locale)),
			Map.entry(ZoneId.class, parsed(64, Formats::timeZone)),
			Map.entry(URI.class, parsed(2048, Formats::webhookUrl)), Map.entry(Boolean.class, WireValues::bool),
			Map.entry(boolean.class, WireValues::bool), Map.entry(Long.class, WireValues::longValue),
			Map.entry(long.class, WireValues::longValue), Map.entry(Integer.class, WireValues::intValue),
			Map.entry(int.class, WireValues::intValue));

	private WireValues() {
	}

	/** The reading of a scalar of {@code type}, or null when ingest has none. */
	static WireValue of(Class<?> type) {
		return BY_TYPE.get(type);
	}

	/** The JSON shape a value of {@code type} takes. */
	static WireKind kind(Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return WireKind.BOOLEAN;
		}
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			return WireKind.INTEGER;
		}
		return WireKind.TEXT;
	}

	/** A JSON string of at most {@code maxLength} characters. */
	static WireValue string(int maxLength) {
		return (node, path, reading) -> {
			if (!node.isString()) {
				reading.problems().add(path, Reasons.WRONG_TYPE);
				return null;
			}
			String value = node.stringValue();
			if (value.length() > maxLength) {
				reading.problems().add(path, Reasons.TOO_LONG);
				return null;
			}
			return value;
		};
	}

	/** A free text of at most {@code maxLength} characters, not blank. */
	static WireValue text(int maxLength) {
		return string(maxLength).then((value, path, reading) -> {
			if (((String) value).isBlank()) {
				reading.problems().add(path, Reasons.BLANK);
				return null;
			}
			return value;
		});
	}

	/**
	 * A JSON string of at most {@code maxLength} characters that {@code parser} takes.
	 */
	static WireValue parsed(int maxLength, Parser parser) {
		return string(maxLength).then((text, path, reading) -> parser.parse((String) text, path, reading.problems()));
	}

	/** A JSON array of values read by {@code element}, each named by its index. */
	static WireValue list(WireValue element) {
		return (node, path, reading) -> {
			if (!node.isArray()) {
				reading.problems().add(path, Reasons.WRONG_TYPE);
				return null;
			}
			int before = reading.problems().size();
			List<Object> values = new ArrayList<>(node.size());
			for (int i = 0; i < node.size(); i++) {
				JsonNode item = node.get(i);
				String itemPath = path + "[" + i + "]";
				if (item.isNull()) {
					reading.problems().add(itemPath, Reasons.REQUIRED);
				}
				else {
					values.add(element.read(item, itemPath, reading));
				}
			}
			return (reading.problems().size() == before) ? values : null;
		};
	}

	private static Object bool(JsonNode node, String path, Reading reading) {
		if (!node.isBoolean()) {
			reading.problems().add(path, Reasons.WRONG_TYPE);
			return null;
		}
		return node.booleanValue();
	}

	private static Object longValue(JsonNode node, String path, Reading reading) {
		if (!node.isIntegralNumber() || !node.canConvertToLong()) {
			reading.problems().add(path, Reasons.WRONG_TYPE);
			return null;
		}
		return node.longValue();
	}

	private static Object intValue(JsonNode node, String path, Reading reading) {
		if (!node.isIntegralNumber() || !node.canConvertToInt()) {
			reading.problems().add(path, Reasons.WRONG_TYPE);
			return null;
		}
		return node.intValue();
	}

	/** A strict parser of a text: the value, or null once the reason was recorded. */
	@FunctionalInterface
	interface Parser {

		Object parse(String text, String path, FieldProblems problems);

	}

}
