package io.keepline.payments.webhook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import com.stripe.net.Webhook;
import io.keepline.contracts.Msisdn;
import io.keepline.payments.StripeJson;
import io.keepline.payments.gateway.PaymentGateway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mockito.Mockito.mock;

/**
 * Every Stripe event type payments says it handles reaches a branch of the mapper and
 * means a payment event: a type added to {@link StripeEventMapper#HANDLED} without a
 * branch fails here, not with Stripe.
 */
class StripeEventMapperTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

	private final StripeEventMapper mapper = new StripeEventMapper(mock(PaymentGateway.class),
			(msisdn) -> Optional.empty());

	@Test
	void mapsEveryHandledTypeToAPaymentEvent() {
		for (String type : StripeEventMapper.HANDLED) {
			String payload = StripeJson.event("evt_" + type, type, Instant.parse("2026-12-20T10:00:00Z"), object(type));

			assertThat(this.mapper.map(Webhook.constructEventWithoutVerification(payload))).as(type).isPresent();
		}
	}

	/** A Keepline object of the kind Stripe sends with {@code type}. */
	private static String object(String type) {
		if (type.startsWith("checkout.session.")) {
			return StripeJson.checkoutSession("cs_1", "pi_1", 1500, StripeJson.metadata(LINE, VALID_UNTIL, "checkout"));
		}
		if (type.startsWith("payment_intent.")) {
			return StripeJson.paymentIntent("pi_1",
					type.endsWith("succeeded") ? "succeeded" : "requires_payment_method", 1500,
					StripeJson.metadata(LINE, VALID_UNTIL, "auto_renewal"), "null");
		}
		if (type.startsWith("charge.")) {
			return StripeJson.charge("ch_1", "pi_1", 1500, StripeJson.metadata(LINE, VALID_UNTIL, "checkout"));
		}
		return fail("no sample object for the handled type " + type + ": add one and a branch to the mapper");
	}

}
