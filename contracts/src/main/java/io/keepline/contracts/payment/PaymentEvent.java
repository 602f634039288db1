package io.keepline.contracts.payment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;

/**
 * What Stripe said about a payment (captured, failed, processing, refunded, disputed), as
 * payments publishes it, a holder's request for a one-time code before saving a card and
 * each try of that code, the holder turning automatic renewal off or removing the card,
 * and the holder saying they already topped up at the operator. Topic
 * {@code payment-events}, keyed by msisdn. {@code stripeEventId} is null for outcomes
 * learnt from a synchronous API answer rather than a webhook, and for the holder's own
 * requests.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = PaymentSucceeded.class, name = "PaymentSucceeded"),
		@JsonSubTypes.Type(value = PaymentFailed.class, name = "PaymentFailed"),
		@JsonSubTypes.Type(value = PaymentProcessing.class, name = "PaymentProcessing"),
		@JsonSubTypes.Type(value = PaymentDisputed.class, name = "PaymentDisputed"),
		@JsonSubTypes.Type(value = PaymentRefunded.class, name = "PaymentRefunded"),
		@JsonSubTypes.Type(value = PaymentMethodSaved.class, name = "PaymentMethodSaved"),
		@JsonSubTypes.Type(value = PaymentMethodCodeRequested.class, name = "PaymentMethodCodeRequested"),
		@JsonSubTypes.Type(value = PaymentMethodCodeTried.class, name = "PaymentMethodCodeTried"),
		@JsonSubTypes.Type(value = AutoRenewalStopped.class, name = "AutoRenewalStopped"),
		@JsonSubTypes.Type(value = PaymentMethodRemoved.class, name = "PaymentMethodRemoved"),
		@JsonSubTypes.Type(value = TopUpReported.class, name = "TopUpReported") })
public sealed interface PaymentEvent extends KeeplineEvent permits PaymentSucceeded, PaymentFailed, PaymentProcessing,
		PaymentDisputed, PaymentRefunded, PaymentMethodSaved, PaymentMethodCodeRequested, PaymentMethodCodeTried,
		AutoRenewalStopped, PaymentMethodRemoved, TopUpReported {

	Msisdn msisdn();

	String stripeEventId();

}
