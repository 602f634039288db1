package io.keepline.cli;

import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A JSON object as one line of text for a terminal or a script: its time and type first,
 * then its other fields as {@code name=value}.
 */
final class JsonLines {

	private static final Set<String> FIRST = Set.of("at", "time", "timestamp", "occurredAt", "type");

	private JsonLines() {
	}

	static String oneLine(JsonNode entry) {
		if (!entry.isObject()) {
			return entry.toString();
		}
		StringBuilder line = new StringBuilder();
		for (String first : new String[] { "at", "time", "timestamp", "occurredAt", "type" }) {
			if (entry.path(first).isValueNode()) {
				line.append(entry.path(first).asString()).append("  ");
			}
		}
		for (Map.Entry<String, JsonNode> field : entry.properties()) {
			if (FIRST.contains(field.getKey())) {
				continue;
			}
			JsonNode value = field.getValue();
			line.append(field.getKey())
				.append('=')
				.append(value.isValueNode() ? value.asString() : value.toString())
				.append(' ');
		}
		return line.toString().strip();
	}

}
