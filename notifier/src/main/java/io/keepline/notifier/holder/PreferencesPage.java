package io.keepline.notifier.holder;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;

import org.springframework.web.util.HtmlUtils;

/**
 * The holder's preference page, in their language: which of their channels Keepline may
 * use (email, SMS; the operator's webhook is not theirs to turn off) and the language of
 * their messages, in a form that POSTs back to the same signed link.
 */
final class PreferencesPage {

	/** The channels a holder may turn off and on here. */
	static final List<Channel> CHOOSABLE = List.of(Channel.EMAIL, Channel.SMS);

	private record Texts(String title, String intro, String email, String sms, String language, String save,
			String saved, String none) {
	}

	private static final Map<String, Texts> TEXTS = Map.of("en",
			new Texts("Your Keepline messages", "How may Keepline write to you about the number %s?", "By email",
					"By SMS", "Language", "Save", "Saved: Keepline writes to you as chosen below.",
					"With no channel chosen, you will not be told before your number lapses."),
			"fr",
			new Texts("Vos messages Keepline", "Comment Keepline peut-il vous écrire au sujet du numéro %s ?",
					"Par e-mail", "Par SMS", "Langue", "Enregistrer",
					"Enregistré : Keepline vous écrit comme choisi ci-dessous.",
					"Sans aucun canal, vous ne serez pas prévenu avant l’expiration de votre numéro."),
			"nl",
			new Texts("Uw Keepline-berichten", "Hoe mag Keepline u schrijven over het nummer %s?", "Per e-mail",
					"Per sms", "Taal", "Opslaan", "Opgeslagen: Keepline schrijft u zoals hieronder gekozen.",
					"Zonder kanaal wordt u niet gewaarschuwd voordat uw nummer vervalt."),
			"de",
			new Texts("Ihre Keepline-Nachrichten", "Wie darf Keepline Ihnen zur Nummer %s schreiben?", "Per E-Mail",
					"Per SMS", "Sprache", "Speichern", "Gespeichert: Keepline schreibt Ihnen wie unten gewählt.",
					"Ohne Kanal werden Sie nicht benachrichtigt, bevor Ihre Nummer verfällt."),
			"zh", new Texts("您的 Keepline 消息", "Keepline 可以通过哪些方式就号码 %s 联系您？", "电子邮件", "短信", "语言", "保存",
					"已保存：Keepline 将按以下选择联系您。", "如果不选择任何方式，您的号码到期前将不会收到通知。"));

	private static final Map<HolderLocale, String> LANGUAGES = Map.of(HolderLocale.EN, "English", HolderLocale.FR,
			"Français", HolderLocale.NL, "Nederlands", HolderLocale.DE, "Deutsch", HolderLocale.ZH, "中文");

	private PreferencesPage() {
	}

	/**
	 * The form for a holder reachable on {@code own} channels, showing {@code allowed}
	 * and {@code locale} as chosen now; {@code saved} adds the confirmation.
	 */
	static String form(HolderLocale locale, String maskedNumber, List<Channel> own, Set<Channel> allowed, String action,
			boolean saved) {
		Texts texts = texts(locale);
		StringBuilder body = new StringBuilder();
		if (saved) {
			body.append("<p role=\"status\">").append(escape(texts.saved())).append("</p>\n");
		}
		body.append("<form method=\"post\" action=\"")
			.append(escape(action))
			.append("\">\n<fieldset><legend>")
			.append(escape(String.format(texts.intro(), maskedNumber)))
			.append("</legend>\n");
		for (Channel channel : CHOOSABLE) {
			if (own.contains(channel)) {
				String id = "channel-" + channel.name().toLowerCase(Locale.ROOT);
				body.append("<p><input type=\"checkbox\" name=\"channel\" id=\"")
					.append(id)
					.append("\" value=\"")
					.append(channel.name())
					.append('"')
					.append(allowed.contains(channel) ? " checked" : "")
					.append("><label for=\"")
					.append(id)
					.append("\">")
					.append(escape((channel == Channel.EMAIL) ? texts.email() : texts.sms()))
					.append("</label></p>\n");
			}
		}
		body.append("<p>").append(escape(texts.none())).append("</p>\n</fieldset>\n");
		body.append("<p><label for=\"locale\">")
			.append(escape(texts.language()))
			.append("</label> <select name=\"locale\" id=\"locale\">");
		for (HolderLocale option : HolderLocale.values()) {
			body.append("<option value=\"")
				.append(option.code())
				.append('"')
				.append((option == locale) ? " selected" : "")
				.append(" lang=\"")
				.append(option.code())
				.append("\">")
				.append(escape(LANGUAGES.get(option)))
				.append("</option>");
		}
		body.append("</select></p>\n<p><button type=\"submit\">")
			.append(escape(texts.save()))
			.append("</button></p>\n</form>");
		return "<!DOCTYPE html>\n<html lang=\"" + locale.code() + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
				+ escape(texts.title()) + "</title></head>\n<body><main><h1>" + escape(texts.title()) + "</h1>\n" + body
				+ "</main></body></html>\n";
	}

	/** Escapes markup only: the page is UTF-8, so every script reads as itself. */
	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static Texts texts(HolderLocale locale) {
		return TEXTS.getOrDefault(locale.code(), TEXTS.get("en"));
	}

}
