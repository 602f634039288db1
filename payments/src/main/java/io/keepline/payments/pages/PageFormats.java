package io.keepline.payments.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import io.keepline.contracts.Money;
import io.keepline.contracts.format.HolderFormat;

/**
 * Dates and amounts on the holder pages in the page's language, exactly as the emails and
 * SMS write them ({@link HolderFormat}); the templates call it as {@code @pageFormats}.
 */
public final class PageFormats {

	/** A date in full: {@code 31 December 2026}, {@code 2026年12月31日}. */
	public String date(LocalDate date, Locale locale) {
		return (date != null) ? HolderFormat.of(locale).date(date) : "";
	}

	/** The day of {@code at} (UTC) in short, as in the payments table. */
	public String day(Instant at, Locale locale) {
		return (at != null) ? HolderFormat.of(locale).shortDate(at, ZoneOffset.UTC) : "";
	}

	/** An amount with its currency: {@code £15.00}, {@code 15,00 €}. */
	public String money(Money money, Locale locale) {
		return (money != null) ? HolderFormat.of(locale).money(money) : "";
	}

}
