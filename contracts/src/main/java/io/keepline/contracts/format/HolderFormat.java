package io.keepline.contracts.format;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;

/**
 * Dates, amounts and numbers as a holder of a locale writes them, from CLDR through
 * {@code java.time} and {@code java.text}: {@code 31 décembre 2026}, {@code 15,00 €},
 * {@code 2026年12月31日}. Emails, SMS and holder pages all format through it, so that a date
 * reads the same in the message and on the page. English uses British conventions (day
 * before month), which is what Keepline's European holders expect.
 */
public final class HolderFormat {

	private static final Map<Locale, HolderFormat> FORMATS = new ConcurrentHashMap<>();

	private final Locale locale;

	private final DateTimeFormatter longDates;

	private final DateTimeFormatter mediumDates;

	/**
	 * A currency format per thread and currency: building one for every amount was a
	 * fifth of rendering an email, and a NumberFormat is not thread-safe.
	 */
	private final ThreadLocal<Map<Currency, NumberFormat>> moneyFormats = ThreadLocal.withInitial(HashMap::new);

	private final ThreadLocal<NumberFormat> numberFormat;

	private HolderFormat(Locale locale) {
		this.locale = locale;
		this.longDates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		this.mediumDates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		this.numberFormat = ThreadLocal.withInitial(() -> NumberFormat.getNumberInstance(locale));
	}

	/** The format of a holder's language. */
	public static HolderFormat of(HolderLocale locale) {
		return of(locale.toLocale());
	}

	/**
	 * The format of a page's locale: its language only, English as British English, a
	 * language Keepline does not write as English.
	 */
	public static HolderFormat of(Locale locale) {
		HolderLocale holder = HolderLocale.EN;
		for (HolderLocale candidate : HolderLocale.values()) {
			if (candidate.toLocale().getLanguage().equals(locale.getLanguage())) {
				holder = candidate;
			}
		}
		Locale used = (holder == HolderLocale.EN) ? Locale.UK : holder.toLocale();
		return FORMATS.computeIfAbsent(used, HolderFormat::new);
	}

	/** A date in full: {@code 31 December 2026}, {@code 2026年12月31日}. */
	public String date(LocalDate date) {
		return this.longDates.format(date);
	}

	/**
	 * A date in short, as in a table: {@code 31 Dec 2026}, {@code 31 déc. 2026},
	 * {@code 2026年12月31日}.
	 */
	public String shortDate(LocalDate date) {
		return this.mediumDates.format(date);
	}

	/** The date of {@code instant} in {@code zone}, in short. */
	public String shortDate(Instant instant, ZoneId zone) {
		return shortDate(LocalDate.ofInstant(instant, zone));
	}

	/** An amount with its currency: {@code £15.00}, {@code 15,00 €}, {@code €15.00}. */
	public String money(Money money) {
		return this.moneyFormats.get()
			.computeIfAbsent(money.currency(), this::currencyFormat)
			.format(money.decimalAmount());
	}

	/** A number with the locale's grouping and decimal marks. */
	public String number(long value) {
		return this.numberFormat.get().format(value);
	}

	/** A number with the locale's grouping and decimal marks. */
	public String number(BigDecimal value) {
		return this.numberFormat.get().format(value);
	}

	private NumberFormat currencyFormat(Currency currency) {
		NumberFormat format = NumberFormat.getCurrencyInstance(this.locale);
		format.setCurrency(currency);
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format;
	}

	/** The locale it formats for (English as {@link Locale#UK}). */
	public Locale locale() {
		return this.locale;
	}

}
