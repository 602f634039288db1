package io.keepline.notifier.message;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

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

	LocaleFormat(HolderLocale holderLocale) {
		this.locale = (holderLocale == HolderLocale.EN) ? Locale.UK : holderLocale.toLocale();
		this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(this.locale);
	}

	String date(LocalDate date) {
		return this.dates.format(date);
	}

	String money(Money money) {
		NumberFormat format = NumberFormat.getCurrencyInstance(this.locale);
		format.setCurrency(money.currency());
		int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(money.decimalAmount());
	}

	/** The expiry of a card as {@code MM/YYYY}, which reads the same in every locale. */
	String cardExpiry(int month, int year) {
		return String.format(Locale.ROOT, "%02d/%d", month, year);
	}

	Locale locale() {
		return this.locale;
	}

}
