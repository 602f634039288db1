package io.keepline.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineRegistered;

/**
 * Generates realistic lines for the benchmarks: distinct valid Belgian mobile numbers
 * (from a random start, so runs on a shared broker do not collide), a holder reached by
 * email, and the default price.
 */
public final class Lines {

	public static final OperatorId OPERATOR = OperatorId.of("orange");

	private static final HolderLocale[] LOCALES = HolderLocale.values();

	private final long first = ThreadLocalRandom.current().nextLong(0, 10_000_000);

	/**
	 * The {@code i}-th number of this generator: 20,000,000 distinct ones in the 047 and
	 * 049 mobile ranges, enough for the full mode's 10,000,000 lines and their extras.
	 */
	public Msisdn msisdn(int i) {
		long k = (this.first + i) % 20_000_000;
		return Msisdn.of(((k < 10_000_000) ? "+3247" : "+3249") + String.format("%07d", k % 10_000_000));
	}

	public static Holder holder(int i, ZoneId zone) {
		return new Holder("Holder " + i, "holder" + i + "@example.com", null, null, LOCALES[i % LOCALES.length], zone);
	}

	/** A registration of line {@code i} valid until {@code validUntil}. */
	public LineRegistered registered(int i, LocalDate validUntil, ZoneId zone, List<Integer> leadDays,
			Instant occurredAt) {
		return new LineRegistered(UUID.randomUUID(), occurredAt, msisdn(i), OPERATOR, "orange-prepaid-15", validUntil,
				Money.of(1500, "EUR"), holder(i, zone), leadDays, false);
	}

}
