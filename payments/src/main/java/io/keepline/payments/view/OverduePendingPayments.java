package io.keepline.payments.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.keepline.payments.line.ViewUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The alert for payments that stay processing too long: gauge {@value #METRIC} counts
 * payments processing for more than {@link #BOUND} (a SEPA debit settles within 14 days),
 * from a scan of the history store at most once per {@link #REFRESH}. Anything above 0
 * needs an operator to look at Stripe.
 */
@Component
class OverduePendingPayments {

	static final String METRIC = "keepline.payments.processing.overdue";

	static final Duration BOUND = Duration.ofDays(14);

	static final Duration REFRESH = Duration.ofHours(1);

	private final PaymentsStores stores;

	private final Clock clock;

	private Instant scannedAt;

	private double overdue;

	OverduePendingPayments(PaymentsStores stores, Clock clock, MeterRegistry meters) {
		this.stores = stores;
		this.clock = clock;
		Gauge.builder(METRIC, this, OverduePendingPayments::count)
			.description("Payments processing for more than 14 days (a SEPA debit settles sooner)")
			.register(meters);
	}

	synchronized double count() {
		Instant now = this.clock.instant();
		if (this.scannedAt == null || !now.isBefore(this.scannedAt.plus(REFRESH))) {
			try {
				this.overdue = this.stores.processingSince(now.minus(BOUND));
				this.scannedAt = now;
			}
			catch (ViewUnavailableException ex) {
				// the stores are starting or restoring: keep the last figure
			}
		}
		return this.overdue;
	}

}
