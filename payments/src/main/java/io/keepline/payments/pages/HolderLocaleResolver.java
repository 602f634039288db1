package io.keepline.payments.pages;

import java.util.Locale;

import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.InvalidValueException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

/**
 * Pages speak the holder's language: the one a controller chose from the line view, else
 * {@code ?lang=}, else the browser's if Keepline writes it, else English.
 */
public class HolderLocaleResolver implements LocaleResolver {

	static final String ATTRIBUTE = HolderLocaleResolver.class.getName() + ".locale";

	/**
	 * Renders {@code request}'s page in {@code locale} (unless it asks for a language).
	 */
	public static void use(HttpServletRequest request, HolderLocale locale) {
		request.setAttribute(ATTRIBUTE, locale.toLocale());
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof Locale chosen) {
			return chosen;
		}
		HolderLocale requested = supported(request.getParameter("lang"));
		if (requested != null) {
			return requested.toLocale();
		}
		HolderLocale browser = supported(request.getLocale().getLanguage());
		return (browser != null) ? browser.toLocale() : Locale.ENGLISH;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		request.setAttribute(ATTRIBUTE, locale);
	}

	static HolderLocale supported(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		try {
			return HolderLocale.fromCode(code);
		}
		catch (InvalidValueException ex) {
			return null;
		}
	}

}
