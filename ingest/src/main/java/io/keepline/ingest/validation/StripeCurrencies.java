package io.keepline.ingest.validation;

import java.util.Currency;
import java.util.Set;

/**
 * The ISO 4217 currencies a renewal can be charged in: those Stripe accepts whose minor
 * unit Stripe counts as Java does (ISK and UGX, which Stripe counts in hundredths
 * although they have none, are left out so that an amount can never be misread).
 */
final class StripeCurrencies {

	private static final Set<String> CODES = Set.of("USD", "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD",
			"AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BWP", "BYN", "BZD",
			"CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ETB",
			"EUR", "FJD", "FKP", "GBP", "GEL", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR",
			"ILS", "INR", "JMD", "JPY", "KES", "KGS", "KHR", "KMF", "KRW", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
			"LSL", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD",
			"NGN", "NIO", "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD",
			"RUB", "RWF", "SAR", "SBD", "SCR", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SZL", "THB", "TJS", "TOP",
			"TRY", "TTD", "TWD", "TZS", "UAH", "UYU", "UZS", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER",
			"ZAR", "ZMW");

	private StripeCurrencies() {
	}

	static boolean accepts(Currency currency) {
		return CODES.contains(currency.getCurrencyCode());
	}

}
