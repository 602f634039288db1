package io.keepline.notifier.message;

import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

import io.keepline.contracts.HolderLocale;

/**
 * The texts of every message in every holder locale, from
 * {@code messages_<locale>.properties}, with named {@code {placeholders}}. Strict: a
 * missing key or an unknown placeholder is an error, never an English fallback or a raw
 * {@code {name}} in a message.
 */
public final class Messages {

	static final String BUNDLE = "io.keepline.notifier.messages";

	private final Map<HolderLocale, ResourceBundle> bundles = new EnumMap<>(HolderLocale.class);

	public Messages() {
		ResourceBundle.Control noFallback = ResourceBundle.Control
			.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
		for (HolderLocale locale : HolderLocale.values()) {
			this.bundles.put(locale, ResourceBundle.getBundle(BUNDLE, locale.toLocale(), noFallback));
		}
	}

	/** The keys the bundle of {@code locale} defines. */
	public Set<String> keys(HolderLocale locale) {
		return this.bundles.get(locale).keySet();
	}

	/** Whether the bundle of {@code locale} has a text for {@code key}. */
	public boolean has(HolderLocale locale, String key) {
		return this.bundles.get(locale).containsKey(key);
	}

	/** The raw text of {@code key}, placeholders unresolved. */
	public String raw(HolderLocale locale, String key) {
		try {
			return this.bundles.get(locale).getString(key);
		}
		catch (MissingResourceException ex) {
			throw new IllegalStateException("No text '" + key + "' in the " + locale.code() + " messages", ex);
		}
	}

	/**
	 * The text of {@code key} with each {@code {name}} replaced by
	 * {@code args.get(name)}.
	 */
	public String format(HolderLocale locale, String key, Map<String, String> args) {
		String pattern = raw(locale, key);
		int open = pattern.indexOf('{');
		if (open < 0) {
			return pattern;
		}
		StringBuilder out = new StringBuilder(pattern.length() + 64);
		int from = 0;
		while (open >= 0) {
			int close = pattern.indexOf('}', open);
			if (close < 0) {
				throw new IllegalStateException("Unclosed placeholder in '" + key + "' (" + locale.code() + ")");
			}
			String name = pattern.substring(open + 1, close);
			String value = args.get(name);
			if (value == null) {
				throw new IllegalStateException(
						"Placeholder {" + name + "} of '" + key + "' (" + locale.code() + ") has no value here");
			}
			out.append(pattern, from, open).append(value);
			from = close + 1;
			open = pattern.indexOf('{', from);
		}
		return out.append(pattern, from, pattern.length()).toString();
	}

}
