package io.keepline.contracts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One renewal cycle of a line: the number and the validity date being renewed. It is the
 * unit that is paid once.
 */
public record CycleId(Msisdn msisdn, LocalDate validUntil) {

	public CycleId {
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(validUntil, "validUntil");
	}

	/** Parses the {@link #asString()} form. */
	public static CycleId parse(String text) {
		int colon = text.lastIndexOf(':');
		if (colon < 0) {
			throw new InvalidValueException("invalid_cycle", "a cycle is written msisdn:validUntil");
		}
		try {
			return new CycleId(Msisdn.of(text.substring(0, colon)), LocalDate.parse(text.substring(colon + 1)));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException("invalid_cycle", "the cycle's validUntil is not an ISO date");
		}
	}

	/**
	 * {@code +32470123456:2026-12-31}: stable, used in idempotency keys and notification
	 * ids.
	 */
	public String asString() {
		return this.msisdn.value() + ":" + this.validUntil;
	}

	@Override
	public String toString() {
		return this.msisdn.masked() + ":" + this.validUntil;
	}

}
