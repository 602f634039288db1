package io.keepline.notifier.message;

/**
 * How many SMS segments a text takes: 160 GSM-7 septets in one segment or 153 per segment
 * of a longer message; 70 UCS-2 characters in one or 67 per segment otherwise.
 */
public final class SmsSegments {

	public static final int GSM7_SINGLE = 160;

	public static final int GSM7_PART = 153;

	public static final int UCS2_SINGLE = 70;

	public static final int UCS2_PART = 67;

	private SmsSegments() {
	}

	public static int count(String text) {
		if (Gsm7.encodes(text)) {
			int septets = Gsm7.septets(text);
			return (septets <= GSM7_SINGLE) ? 1 : ceilDiv(septets, GSM7_PART);
		}
		int units = text.length();
		return (units <= UCS2_SINGLE) ? 1 : ceilDiv(units, UCS2_PART);
	}

	private static int ceilDiv(int a, int b) {
		return (a + b - 1) / b;
	}

}
