package io.keepline.notifier.message;

import java.util.List;
import java.util.Map;

/**
 * What the digest template sees: one holder's reminders of several lines, each with its
 * own texts, values and pay link ({@link MessageView}), and the digest's own texts in the
 * holder's language.
 */
public final class DigestView {

	private final Messages messages;

	private final List<MessageView> lines;

	DigestView(Messages messages, List<MessageView> lines) {
		if (lines.size() < 2) {
			throw new IllegalArgumentException("A digest lists at least two lines, not " + lines.size());
		}
		this.messages = messages;
		this.lines = List.copyOf(lines);
	}

	/** Each line's reminder, in the order the digest lists them. */
	public List<MessageView> lines() {
		return this.lines;
	}

	/** The text {@code digest.<key>}, with {@code {count}} the number of lines. */
	public String text(String key) {
		return this.messages.format(first().locale(), "digest." + key,
				Map.of("count", Integer.toString(this.lines.size())));
	}

	public String subject() {
		return text("subject");
	}

	public String greeting() {
		return first().greeting();
	}

	/**
	 * A text shared by all messages: {@code common.<key>}, with the first line's values.
	 */
	public String common(String key) {
		return first().common(key);
	}

	/** The preference page of the first line (choices are per line), or null. */
	public String preferencesLink() {
		return first().preferencesLink();
	}

	public String languageTag() {
		return first().languageTag();
	}

	private MessageView first() {
		return this.lines.get(0);
	}

}
