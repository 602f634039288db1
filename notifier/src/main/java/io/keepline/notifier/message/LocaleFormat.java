package io.keepline.notifier.message;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;

/**
 * Dates and amounts as a holder of a locale writes them: {@code 31 décembre 2026},
 * {@code 15,00 €}, {@code 2026年12月31日}. English uses British conventions (day before
 * month), which is what Keepline's European holders expect.
 */
final class LocaleFormat {

	private final Locale locale;

	private final DateTimeFormatter dates;

	/**
	 * A currency format per thread and currency: building one for every amount was a
	 * fifth of rendering an email, and a NumberFormat is not thread-safe.
	 */
	private final ThreadLocal<Map<Currency, NumberFormat>> moneyFormats = ThreadLocal.withInitial(HashMap::new);

	LocaleFormat(HolderLocale holderLocale) {
		this.locale = (holderLocale == HolderLocale.EN) ? Locale.UK : holderLocale.toLocale();
		this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(this.locale);
	}

	String date(LocalDate date) {
		return this.dates.format(date);
	}

	String money(Money money) {
		return this.moneyFormats.get()
			.computeIfAbsent(money.currency(), this::currencyFormat)
			.format(money.decimalAmount());
	}

	private NumberFormat currencyFormat(Currency currency) {
		NumberFormat format = NumberFormat.getCurrencyInstance(this.locale);
		format.setCurrency(currency);
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format;
	}

	/** The expiry of a card as {@code MM/YYYY}, which reads the same in every locale. */
	String cardExpiry(int month, int year) {
		return String.format(Locale.ROOT, "%02d/%d", month, year);
	}

	Locale locale() {
		return this.locale;
	}

}
