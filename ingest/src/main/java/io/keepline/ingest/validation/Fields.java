package io.keepline.ingest.validation;

import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads of JSON fields that report a wrong shape as a problem instead of failing, and the
 * naming of fields an object may not carry. A JSON {@code null} counts as absent.
 */
final class Fields {

	private Fields() {
	}

	static JsonNode present(JsonNode parent, String name) {
		JsonNode node = parent.get(name);
		return (node == null || node.isNull()) ? null : node;
	}

	/**
	 * The string value of {@code name}, or null when absent, not a string or longer than
	 * {@code maxLength} (each reported).
	 */
	static String string(JsonNode parent, String name, String path, boolean required, int maxLength,
			FieldProblems problems) {
		JsonNode node = present(parent, name);
		if (node == null) {
			if (required) {
				problems.add(path, Reasons.REQUIRED);
			}
			return null;
		}
		if (!node.isString()) {
			problems.add(path, Reasons.WRONG_TYPE);
			return null;
		}
		String value = node.stringValue();
		if (value.length() > maxLength) {
			problems.add(path, Reasons.TOO_LONG);
			return null;
		}
		return value;
	}

	static void rejectUnknown(JsonNode object, Set<String> allowed, String prefix, FieldProblems problems) {
		if (object.size() > allowed.size() || !allowed.containsAll(object.propertyNames())) {
			for (String name : object.propertyNames()) {
				if (!allowed.contains(name)) {
					problems.add(prefix + name, Reasons.UNKNOWN_FIELD);
				}
			}
		}
	}

}
