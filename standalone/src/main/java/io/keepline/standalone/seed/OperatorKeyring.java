package io.keepline.standalone.seed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plain operator keys of {@code KEEPLINE_OPERATOR_KEYS} ({@code operator=key} pairs),
 * which the standalone uses to act as each operator's integration. Hashed entries
 * ({@code sha256:...}) cannot be used to call ingest and are left out.
 */
public final class OperatorKeyring {

	private OperatorKeyring() {
	}

	public static Map<String, String> parse(String keys) {
		Map<String, String> plain = new LinkedHashMap<>();
		for (String pair : keys.split(",")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				String value = pair.substring(equals + 1).strip();
				if (!value.startsWith("sha256:")) {
					plain.put(pair.substring(0, equals).strip(), value);
				}
			}
		}
		return plain;
	}

}
