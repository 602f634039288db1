package io.keepline.contracts;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The languages Keepline writes to holders in.
 */
public enum HolderLocale {

	@JsonProperty("en")
	EN("en"),

	@JsonProperty("fr")
	FR("fr"),

	@JsonProperty("nl")
	NL("nl"),

	@JsonProperty("de")
	DE("de"),

	@JsonProperty("zh")
	ZH("zh");

	private final String code;

	HolderLocale(String code) {
		this.code = code;
	}

	/** The wire code, such as {@code fr}. */
	public String code() {
		return this.code;
	}

	public Locale toLocale() {
		return Locale.forLanguageTag(this.code);
	}

	/**
	 * The locale for a wire code, or an {@link InvalidValueException} naming the
	 * supported ones.
	 */
	public static HolderLocale fromCode(String code) {
		for (HolderLocale locale : values()) {
			if (locale.code.equals(code)) {
				return locale;
			}
		}
		throw new InvalidValueException("unsupported_locale", "locale must be one of en, fr, nl, de, zh");
	}

}
