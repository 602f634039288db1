package io.keepline.notifier.message;

import java.time.LocalDate;
import java.util.Locale;

import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.format.HolderFormat;

/**
 * Dates and amounts as a holder of a locale writes them ({@link HolderFormat}, which the
 * holder pages use too): {@code 31 décembre 2026}, {@code 15,00 €}, {@code 2026年12月31日}.
 */
final class LocaleFormat {

	private final HolderFormat format;

	LocaleFormat(HolderLocale holderLocale) {
		this.format = HolderFormat.of(holderLocale);
	}

	String date(LocalDate date) {
		return this.format.date(date);
	}

	String money(Money money) {
		return this.format.money(money);
	}

	/** The expiry of a card as {@code MM/YYYY}, which reads the same in every locale. */
	String cardExpiry(int month, int year) {
		return String.format(Locale.ROOT, "%02d/%d", month, year);
	}

	Locale locale() {
		return this.format.locale();
	}

}
