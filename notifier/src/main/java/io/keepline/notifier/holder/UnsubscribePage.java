package io.keepline.notifier.holder;

import java.util.Map;

import io.keepline.contracts.HolderLocale;

import org.springframework.web.util.HtmlUtils;

/**
 * The small page behind an unsubscribe link, in the holder's language: a GET shows a
 * button that POSTs (mail scanners follow links, so a GET never unsubscribes), the POST
 * says it is done.
 */
final class UnsubscribePage {

	private record Texts(String title, String question, String button, String done) {
	}

	private static final Map<String, Texts> TEXTS = Map.of("en",
			new Texts("Keepline emails", "Stop the emails about the number %s?", "Unsubscribe",
					"Done: no more emails about the number %s. Reminders go to your other channels, if any."),
			"fr",
			new Texts("E-mails Keepline", "Ne plus recevoir d’e-mails pour le numéro %s ?", "Me désabonner",
					"C’est fait : plus d’e-mails pour le numéro %s. Les rappels passent par vos autres canaux, s’il y en a."),
			"nl",
			new Texts("Keepline-e-mails", "Geen e-mails meer over het nummer %s?", "Afmelden",
					"Gedaan: geen e-mails meer over het nummer %s. Herinneringen gaan naar uw andere kanalen, als u die hebt."),
			"de",
			new Texts("Keepline-E-Mails", "Keine E-Mails mehr zur Nummer %s?", "Abmelden",
					"Erledigt: keine E-Mails mehr zur Nummer %s. Erinnerungen gehen an Ihre anderen Kanäle, falls vorhanden."),
			"zh", new Texts("Keepline 邮件", "不再接收关于号码 %s 的邮件？", "退订", "已退订：不再发送关于号码 %s 的邮件。提醒将通过您的其他渠道发送（如有）。"));

	private UnsubscribePage() {
	}

	static String ask(HolderLocale locale, String maskedNumber, String action) {
		Texts texts = texts(locale);
		return page(locale, texts,
				HtmlUtils.htmlEscape(String.format(texts.question(), maskedNumber))
						+ "</p>\n<form method=\"post\" action=\"" + HtmlUtils.htmlEscape(action) + "\">"
						+ "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
						+ "<button type=\"submit\">" + HtmlUtils.htmlEscape(texts.button()) + "</button></form>\n<p>");
	}

	static String done(HolderLocale locale, String maskedNumber) {
		Texts texts = texts(locale);
		return page(locale, texts, HtmlUtils.htmlEscape(String.format(texts.done(), maskedNumber)));
	}

	private static Texts texts(HolderLocale locale) {
		return TEXTS.getOrDefault((locale != null) ? locale.code() : "en", TEXTS.get("en"));
	}

	private static String page(HolderLocale locale, Texts texts, String body) {
		String lang = (locale != null) ? locale.code() : "en";
		return "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + "<title>"
				+ HtmlUtils.htmlEscape(texts.title()) + "</title></head>\n<body><main><h1>"
				+ HtmlUtils.htmlEscape(texts.title()) + "</h1>\n<p>" + body + "</p></main></body></html>\n";
	}

}
