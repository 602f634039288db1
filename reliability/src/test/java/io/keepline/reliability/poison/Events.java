package io.keepline.reliability.poison;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.contracts.topic.Topics;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid contract events of each consumed topic, for one line, as the topic's writer would
 * publish them, and as JSON trees for the poison records made from them.
 */
final class Events {

	static final OperatorId ORANGE = OperatorId.of("orange");

	static final Money PRICE = Money.of(1500, "EUR");

	/** The validity date every line of the scenario renews: far from any reminder. */
	static final LocalDate VALID_UNTIL = LocalDate.now(ZoneOffset.UTC).plusDays(200);

	private Events() {
	}

	static Holder holder(String email) {
		return new Holder("Sam", email, null, null, HolderLocale.EN, ZoneId.of("Europe/Brussels"));
	}

	static LineRegistered lineRegistered(Msisdn msisdn, String email) {
		return new LineRegistered(UUID.randomUUID(), Instant.now(), msisdn, ORANGE, "orange-prepaid-15", VALID_UNTIL,
				PRICE, holder(email), List.of(30, 7, 1), false);
	}

	static PaymentSucceeded paymentSucceeded(Msisdn msisdn) {
		return new PaymentSucceeded(UUID.randomUUID(), Instant.now(), msisdn, VALID_UNTIL, PRICE,
				PaymentSource.CHECKOUT, null, "pi_" + UUID.randomUUID().toString().replace("-", ""), null);
	}

	static ReminderDue reminderDue(Msisdn msisdn) {
		return new ReminderDue(UUID.randomUUID(), Instant.now(), msisdn, ORANGE, VALID_UNTIL, 30, Instant.now(),
				ReminderTrigger.SCHEDULED, PRICE, null, null);
	}

	static AutoRenewalDue autoRenewalDue(Msisdn msisdn) {
		return new AutoRenewalDue(UUID.randomUUID(), Instant.now(), msisdn, ORANGE, VALID_UNTIL, 1,
				new PaymentMethodRef("cus_poison", "pm_poison", "visa", "4242", 12, 2031), PRICE);
	}

	/** A rejection of one of orange's raw records, as ingest writes it. */
	static EventRejected rejected() {
		return new EventRejected(UUID.randomUUID(), Instant.now(), ORANGE, IngestSource.KAFKA,
				Topics.operatorEventsRaw(ORANGE).name() + "-0@" + UUID.randomUUID(), null,
				List.of(new FieldError("validUntil", "required")), null);
	}

	static ObjectNode lineEventJson(Msisdn msisdn) {
		return tree(lineRegistered(msisdn, "nobody@example.com"), LineEvent.class);
	}

	static ObjectNode paymentEventJson(Msisdn msisdn) {
		return tree(paymentSucceeded(msisdn), PaymentEvent.class);
	}

	static ObjectNode deadlineEventJson(Msisdn msisdn) {
		return tree(reminderDue(msisdn), DeadlineEvent.class);
	}

	static ObjectNode tree(Object event, Class<?> type) {
		return (ObjectNode) EventJson.mapper().readTree(EventJson.write(event, type));
	}

}
