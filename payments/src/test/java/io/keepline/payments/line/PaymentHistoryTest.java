package io.keepline.payments.line;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodCodeTried;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.samples.EventSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How payment events fold into payments' own history of a line.
 */
class PaymentHistoryTest {

	private static final Msisdn MSISDN = Msisdn.of("+32470123456");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

	@Test
	void foldsEveryPaymentEventType() {
		for (PaymentEvent event : EventSamples.everyPermitted(PaymentEvent.class)) {
			if (event instanceof PaymentMethodCodeTried tried) {
				CodeRequest request = PaymentHistory.empty(event.msisdn())
					.apply(new PaymentMethodCodeRequested(tried.requestId(), tried.occurredAt(), tried.msisdn(), "k1",
							tried.occurredAt().plusSeconds(600)))
					.apply(tried)
					.latestCodeRequest()
					.orElseThrow();
				assertThat(request.used() || request.wrongTries().contains(tried.eventId())).as("a code try").isTrue();
				continue;
			}
			assertThat(PaymentHistory.empty(event.msisdn()).apply(event).recorded(event.eventId()))
				.as(event.getClass().getSimpleName())
				.isTrue();
		}
	}

	/**
	 * A card read sealed (unknown) is learned from the line record of the same
	 * registration, and follows the record's card; a record of a later registration gives
	 * it nothing.
	 */
	@Test
	void learnsTheCardOfItsSavedMethodFromTheLineRecord() {
		Instant registeredAt = Instant.parse("2026-11-01T00:00:00Z");
		PaymentHistory sealed = PaymentHistory.empty(MSISDN)
			.apply(new PaymentMethodSaved(UUID.randomUUID(), registeredAt.plusSeconds(60), MSISDN,
					new PaymentMethodRef("cus_1", "pm_1", null, null, 0, 0), "seti_1", null));

		PaymentHistory learned = sealed.withCard(new SavedMethod("visa", "4242", 12, 2030), registeredAt);

		assertThat(learned.methodSince(registeredAt))
			.hasValue(new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030));
		assertThat(learned.withCard(new SavedMethod("visa", "4242", 12, 2030), registeredAt)).isSameAs(learned);
		assertThat(learned.withCard(new SavedMethod("", "", 0, 0), registeredAt).methodSince(registeredAt))
			.hasValue(new PaymentMethodRef("cus_1", "pm_1", null, null, 0, 0));
		assertThat(sealed.withCard(new SavedMethod("visa", "4242", 12, 2030), registeredAt.plusSeconds(3600)))
			.isSameAs(sealed);
		assertThat(sealed.withCard(null, registeredAt)).isSameAs(sealed);
		assertThat(learned.forgotten().savedMethod()).isNull();
	}

	@Test
	void countsAPaymentStillProcessingOnlyUntilItsIntentSettles() {
		Instant start = Instant.parse("2026-12-01T10:00:00Z");
		Instant bound = start.plus(Duration.ofDays(14));
		PaymentHistory history = PaymentHistory.empty(MSISDN)
			.apply(processing("pi_old", start))
			.apply(processing("pi_settled", start))
			.apply(processing("pi_recent", bound.plusSeconds(1)))
			.apply(new PaymentFailed(UUID.randomUUID(), start.plus(Duration.ofDays(3)), MSISDN, VALID_UNTIL,
					PaymentSource.AUTO_RENEWAL, 1, "pi_settled", "evt_f", "insufficient_funds", null, true));

		assertThat(history.processingSince(bound)).isEqualTo(1);
		assertThat(history.processingSince(start)).isZero();
	}

	private static PaymentProcessing processing(String intent, Instant at) {
		return new PaymentProcessing(UUID.randomUUID(), at, MSISDN, VALID_UNTIL, Money.of(1500, "EUR"),
				PaymentSource.AUTO_RENEWAL, 1, intent, "evt_" + intent);
	}

	@Test
	void countsEachWrongTryOnceAndAUseOfItsRequestOnly() {
		Instant now = Instant.parse("2026-12-20T10:00:00Z");
		PaymentMethodCodeRequested first = new PaymentMethodCodeRequested(UUID.randomUUID(), now, MSISDN, "k1",
				now.plusSeconds(600));
		PaymentMethodCodeRequested second = new PaymentMethodCodeRequested(UUID.randomUUID(), now.plusSeconds(60),
				MSISDN, "k1", now.plusSeconds(660));
		PaymentMethodCodeTried wrong = new PaymentMethodCodeTried(UUID.randomUUID(), now.plusSeconds(70), MSISDN,
				second.eventId(), false);
		PaymentMethodCodeTried right = new PaymentMethodCodeTried(UUID.randomUUID(), now.plusSeconds(80), MSISDN,
				second.eventId(), true);

		PaymentHistory history = PaymentHistory.empty(MSISDN)
			.apply(first)
			.apply(second)
			.apply(wrong)
			.apply(wrong)
			.apply(right)
			.apply(new PaymentMethodCodeTried(UUID.randomUUID(), now, MSISDN, UUID.randomUUID(), false));

		assertThat(history.codeRequests().get(0).wrongTries()).isEmpty();
		assertThat(history.codeRequests().get(0).used()).isFalse();
		assertThat(history.codeRequests().get(1).wrongTries()).containsExactly(wrong.eventId());
		assertThat(history.codeRequests().get(1).usedAt()).isEqualTo(right.occurredAt());
	}

	@Test
	void aHistoryStoredBeforeTriesWereKeptReadsAsUntried() {
		String stored = """
				{"msisdn": "+32470123456", "payments": [], "stripeEventIds": [], "codeRequests": [
				 {"requestId": "3f6b2c1d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "at": "2026-11-26T12:00:00Z", "keyId": "k2",
				  "expiresAt": "2026-11-26T12:10:00Z"}]}""";

		CodeRequest request = EventJson.read(stored, PaymentHistory.class).latestCodeRequest().orElseThrow();

		assertThat(request.wrongTries()).isEmpty();
		assertThat(request.used()).isFalse();
	}

	@Test
	void paymentsAreRememberedOnceWithTheirStripeEventIds() {
		PaymentSucceeded ok = new PaymentSucceeded(UUID.randomUUID(), Instant.now(), MSISDN, VALID_UNTIL,
				Money.of(1500, "EUR"), PaymentSource.CHECKOUT, null, "pi_1", "evt_1");

		PaymentHistory history = PaymentHistory.empty(MSISDN).apply(ok).apply(ok);

		assertThat(history.payments()).hasSize(1);
		assertThat(history.published("evt_1")).isTrue();
		assertThat(history.paidBy(VALID_UNTIL)).isPresent();
	}

	@Test
	void aFailedPaymentDoesNotPayTheCycle() {
		PaymentHistory history = PaymentHistory.empty(MSISDN)
			.apply(new PaymentFailed(UUID.randomUUID(), Instant.now(), MSISDN, VALID_UNTIL, PaymentSource.AUTO_RENEWAL,
					1, "pi_2", null, "card_declined", "insufficient_funds", true));

		assertThat(history.paidBy(VALID_UNTIL)).isEmpty();
	}

	@Test
	void aNewRegistrationSeesNoPaymentOrCustomerFromBeforeIt() {
		Instant before = Instant.parse("2026-01-01T00:00:00Z");
		Instant registeredAt = Instant.parse("2026-06-01T00:00:00Z");
		PaymentHistory history = PaymentHistory.empty(MSISDN)
			.apply(new PaymentMethodSaved(UUID.randomUUID(), before, MSISDN,
					new PaymentMethodRef("cus_old", "pm_1", "visa", "4242", 12, 2030), "seti_1", "evt_s"))
			.apply(new PaymentSucceeded(UUID.randomUUID(), before, MSISDN, VALID_UNTIL, Money.of(1500, "EUR"),
					PaymentSource.CHECKOUT, null, "pi_1", "evt_1"));

		assertThat(history.since(registeredAt, 5)).isEmpty();
		assertThat(history.customerSince(registeredAt)).isEmpty();
		assertThat(history.since(before, 5)).hasSize(2);
		assertThat(history.customerSince(before)).hasValue("cus_old");
	}

	@Test
	void keepsABoundedHistory() {
		PaymentHistory history = PaymentHistory.empty(MSISDN);
		for (int i = 0; i < PaymentHistory.MAX_PAYMENTS + 10; i++) {
			history = history.apply(new PaymentFailed(UUID.randomUUID(), Instant.now(), MSISDN, VALID_UNTIL,
					PaymentSource.CHECKOUT, null, "pi_" + i, "evt_" + i, "card_declined", null, true));
		}

		assertThat(history.payments()).hasSize(PaymentHistory.MAX_PAYMENTS);
		assertThat(history.published("evt_" + (PaymentHistory.MAX_PAYMENTS + 9))).isTrue();
	}

}
