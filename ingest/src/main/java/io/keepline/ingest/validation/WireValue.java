package io.keepline.ingest.validation;

import tools.jackson.databind.JsonNode;

/**
 * How ingest reads one field of the wire format: the value of a node that is present (not
 * absent, not JSON null), or null once the reason it is not acceptable was recorded.
 */
@FunctionalInterface
interface WireValue {

	Object read(JsonNode node, String path, Reading reading);

	/** This reading, then {@code check} on the value it read. */
	default WireValue then(Check check) {
		return (node, path, reading) -> {
			Object value = read(node, path, reading);
			return (value != null) ? check.check(value, path, reading) : null;
		};
	}

	/**
	 * A rule on a value already read: the value, or null once the reason was recorded.
	 */
	@FunctionalInterface
	interface Check {

		Object check(Object value, String path, Reading reading);

	}

}
