package io.keepline.notifier.message;

import java.util.Map;

import io.keepline.contracts.HolderLocale;

/**
 * What a template sees of one notice in one locale: its texts with placeholders filled,
 * formatted values and signed links. Links are signed on first use.
 */
public final class MessageView {

	private final Messages messages;

	private final Links links;

	private final ChoiceLinks choiceLinks;

	private final Notice notice;

	private final Map<String, String> args;

	private String payLink;

	private String statusLink;

	MessageView(Messages messages, Links links, ChoiceLinks choiceLinks, Notice notice, Map<String, String> args) {
		this.messages = messages;
		this.links = links;
		this.choiceLinks = choiceLinks;
		this.notice = notice;
		this.args = args;
	}

	/** The text {@code <template>.<key>} of this notice, such as {@code title}. */
	public String text(String key) {
		return this.messages.format(locale(), this.notice.template() + "." + key, this.args);
	}

	/** A text shared by all messages: {@code common.<key>}. */
	public String common(String key) {
		return this.messages.format(locale(), "common." + key, this.args);
	}

	public String subject() {
		return text("subject");
	}

	public String greeting() {
		return (this.notice.holder().name() != null) ? common("greeting") : common("greeting-anonymous");
	}

	/** A formatted value: {@code number}, {@code validUntil}, {@code amount}… */
	public String value(String name) {
		String value = this.args.get(name);
		if (value == null) {
			throw new IllegalStateException("No value '" + name + "' for " + this.notice.template());
		}
		return value;
	}

	/** Whether this notice has the value {@code name}. */
	public boolean has(String name) {
		return this.args.containsKey(name);
	}

	public String payLink() {
		if (this.payLink == null) {
			this.payLink = this.links.pay(this.notice.cycle());
		}
		return this.payLink;
	}

	public String statusLink() {
		if (this.statusLink == null) {
			this.statusLink = this.links.status(this.notice.cycle());
		}
		return this.statusLink;
	}

	/**
	 * Where the holder chooses the channels and language of their messages; null when the
	 * notifier's public address is not known to this renderer.
	 */
	public String preferencesLink() {
		return (this.choiceLinks != null) ? this.choiceLinks.preferences(this.notice.cycle()) : null;
	}

	/** Where the holder saves a new card for automatic renewal. */
	public String cardLink() {
		return this.links.autorenew(this.notice.cycle());
	}

	public Tone tone() {
		return (this.notice.tone() != null) ? this.notice.tone() : Tone.INFORMATIONAL;
	}

	public String languageTag() {
		return locale().code();
	}

	HolderLocale locale() {
		return this.notice.holder().locale();
	}

	Notice notice() {
		return this.notice;
	}

}
