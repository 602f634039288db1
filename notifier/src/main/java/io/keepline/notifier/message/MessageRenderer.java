package io.keepline.notifier.message;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.keepline.contracts.HolderLocale;

/**
 * Renders a notice for each channel: email (HTML and text templates compiled at build
 * time, texts from the bundles), SMS (one text, GSM-7 folded where the language allows,
 * plus the link the holder needs) and the summary webhooks carry.
 */
public final class MessageRenderer {

	private static final String TEMPLATE_PACKAGE = "io.keepline.notifier.message.jte.";

	private static final String DIGEST_TEMPLATE = "digest.jte";

	private final Messages messages;

	private final Links links;

	private final ChoiceLinks choiceLinks;

	private final TemplateEngine html;

	private final TemplateEngine text;

	private final Map<HolderLocale, LocaleFormat> formats = new EnumMap<>(HolderLocale.class);

	public MessageRenderer(Messages messages, Links links) {
		this(messages, links, null);
	}

	/**
	 * @param choiceLinks the links to the holder's preference page in every email's
	 * footer (none if null)
	 */
	public MessageRenderer(Messages messages, Links links, ChoiceLinks choiceLinks) {
		this.messages = messages;
		this.links = links;
		this.choiceLinks = choiceLinks;
		ClassLoader classLoader = MessageRenderer.class.getClassLoader();
		this.html = TemplateEngine.createPrecompiled(null, ContentType.Html, classLoader, TEMPLATE_PACKAGE + "html");
		this.text = TemplateEngine.createPrecompiled(null, ContentType.Plain, classLoader, TEMPLATE_PACKAGE + "text");
		for (HolderLocale locale : HolderLocale.values()) {
			this.formats.put(locale, new LocaleFormat(locale));
		}
	}

	/** The template view of {@code notice}, in its holder's locale. */
	public MessageView view(Notice notice) {
		return new MessageView(this.messages, this.links, this.choiceLinks, notice, arguments(notice));
	}

	public RenderedEmail email(Notice notice) {
		MessageView view = view(notice);
		return new RenderedEmail(view.subject(), render(this.html, notice, view), render(this.text, notice, view));
	}

	/**
	 * One email for several reminders of one holder: each line with its own values and
	 * pay link, in the first notice's locale (a digest gathers one locale only).
	 */
	public RenderedEmail digest(List<Notice> notices) {
		DigestView digest = new DigestView(this.messages, notices.stream().map(this::view).toList());
		StringOutput html = new StringOutput(8192);
		this.html.render(DIGEST_TEMPLATE, digest, html);
		StringOutput text = new StringOutput(4096);
		this.text.render(DIGEST_TEMPLATE, digest, text);
		return new RenderedEmail(digest.subject(), html.toString(), text.toString());
	}

	/**
	 * The SMS text: the message's short text and, when the holder has something to do,
	 * the link to do it with. Folded to GSM-7 for the Latin-script locales.
	 */
	public String sms(Notice notice) {
		MessageView view = view(notice);
		String sms = view.text("sms");
		String link = smsLink(notice, view);
		if (link != null) {
			sms = sms + " " + link;
		}
		return (notice.holder().locale() == HolderLocale.ZH) ? sms : Gsm7.fold(sms);
	}

	/** The one-paragraph summary of a notice that webhooks carry (the SMS text). */
	public String summary(Notice notice) {
		return view(notice).text("sms");
	}

	private static String smsLink(Notice notice, MessageView view) {
		return switch (notice.type()) {
			case REMINDER -> (notice.tone() == Tone.INFORMATIONAL) ? null : view.payLink();
			case PAYMENT_FAILED, CHECKOUT_FAILED -> view.payLink();
			case LINE_LAPSED -> view.statusLink();
			case UPDATE_CARD -> view.cardLink();
			case UPCOMING_CHARGE, RENEWAL_RECEIPT, CARD_CODE, PAYMENT_REFUNDED, PAYMENT_PROCESSING -> null;
		};
	}

	private static String render(TemplateEngine engine, Notice notice, MessageView view) {
		StringOutput output = new StringOutput(4096);
		engine.render(notice.type().templateFile(), view, output);
		return output.toString();
	}

	private Map<String, String> arguments(Notice notice) {
		HolderLocale locale = notice.holder().locale();
		LocaleFormat format = this.formats.get(locale);
		Map<String, String> args = new HashMap<>(16);
		args.put("name", (notice.holder().name() != null) ? notice.holder().name() : "");
		args.put("number", notice.cycle().msisdn().masked());
		args.put("validUntil", format.date(notice.cycle().validUntil()));
		if (notice.amount() != null) {
			args.put("amount", format.money(notice.amount()));
		}
		if (notice.chargeOn() != null) {
			args.put("chargeOn", format.date(notice.chargeOn()));
		}
		if (notice.card() != null) {
			String brand = (notice.card().brand() != null) ? notice.card().brand() : "card";
			args.put("brand", brand.substring(0, 1).toUpperCase(Locale.ROOT) + brand.substring(1));
			args.put("last4", (notice.card().last4() != null) ? notice.card().last4() : "????");
			args.put("expiry", format.cardExpiry(notice.card().expMonth(), notice.card().expYear()));
		}
		if (notice.code() != null) {
			args.put("code", notice.code());
		}
		if (notice.type() == MessageType.PAYMENT_FAILED || notice.type() == MessageType.CHECKOUT_FAILED) {
			args.put("reason",
					reason(locale, "failure.", (notice.failure() != null) ? notice.failure().reason() : null));
		}
		if (notice.type() == MessageType.LINE_LAPSED) {
			Notice.LapseFacts lapse = (notice.lapse() != null) ? notice.lapse() : Notice.LapseFacts.UNKNOWN;
			Map<String, String> dates = new HashMap<>(4);
			if (lapse.graceUntil() != null) {
				dates.put("graceUntil", format.date(lapse.graceUntil()));
				dates.put("recoveryUntil", format.date(lapse.recoveryUntil()));
			}
			args.put("afterLapse", this.messages.format(locale, notice.template() + "." + lapse.key(), dates));
		}
		Notice.PaymentFacts payment = notice.payment();
		if (payment != null) {
			args.put("method", reason(locale, "method.",
					(payment.source() != null) ? payment.source().name().toLowerCase(Locale.ROOT) : null));
			args.put("topUpHours", Long.toString(payment.topUpBound().toHours()));
			if (payment.renewedUntil() != null) {
				args.put("renewedUntil", format.date(payment.renewedUntil()));
			}
			if (notice.type() == MessageType.PAYMENT_REFUNDED) {
				args.put("reason", reason(locale, "refund.", payment.reason()));
			}
		}
		return args;
	}

	/**
	 * The text {@code <prefix><code>} in {@code locale}, or {@code <prefix>other} for a
	 * code without a text of its own.
	 */
	private String reason(HolderLocale locale, String prefix, String code) {
		String key = prefix + ((code != null) ? code : "other");
		return this.messages.format(locale, this.messages.has(locale, key) ? key : prefix + "other", Map.of());
	}

}
