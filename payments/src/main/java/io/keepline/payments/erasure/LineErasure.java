package io.keepline.payments.erasure;

import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.line.PaymentHistoryLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What payments does when a line is erased: deletes at Stripe every Customer the line's
 * saved methods had (which detaches the methods). Deleting a customer already gone is
 * harmless, so an erasure read again does no harm. Its history forgets the holder on its
 * own, when the line's record is tombstoned (payments' global stores).
 */
public class LineErasure {

	private static final Logger log = LoggerFactory.getLogger(LineErasure.class);

	private final PaymentHistoryLookup histories;

	private final PaymentGateway gateway;

	public LineErasure(PaymentHistoryLookup histories, PaymentGateway gateway) {
		this.histories = histories;
		this.gateway = gateway;
	}

	public void erase(Msisdn msisdn) {
		List<String> customers = this.histories.history(msisdn).map(PaymentHistory::customers).orElse(List.of());
		customers.forEach(this.gateway::deleteCustomer);
		log.info("Line {} erased: {} Stripe customer(s) deleted", msisdn, customers.size());
	}

}
