package io.keepline.payments.stripe;

import java.util.Currency;
import java.util.List;
import java.util.Locale;

import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;
import com.stripe.param.checkout.SessionCreateParams.Mode;
import com.stripe.param.checkout.SessionCreateParams.PaymentMethodType;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.payments.gateway.CheckoutRequest;
import io.keepline.payments.gateway.CycleMetadata;
import io.keepline.payments.gateway.PaymentMethodTypes;
import io.keepline.payments.gateway.SetupRequest;

/**
 * Checkout Session parameters: in the line's currency, a card always and Bancontact for
 * EUR ({@link PaymentMethodTypes}), the cycle in metadata of the session and of the
 * intent it creates (and, in setup mode, the registration it is for), in the holder's
 * language.
 */
final class CheckoutParams {

	private CheckoutParams() {
	}

	static SessionCreateParams payment(CheckoutRequest request) {
		var metadata = CycleMetadata.of(request.cycle(), PaymentSource.CHECKOUT, null);
		ProductData product = ProductData.builder()
			.setName(
					"Keepline renewal " + request.cycle().msisdn().masked() + " (" + request.cycle().validUntil() + ")")
			.build();
		PriceData price = PriceData.builder()
			.setCurrency(request.price().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
			.setUnitAmount(request.price().amountCents())
			.setProductData(product)
			.build();
		return SessionCreateParams.builder()
			.setMode(Mode.PAYMENT)
			.addAllPaymentMethodType(types(request.price().currency()))
			.addLineItem(LineItem.builder().setQuantity(1L).setPriceData(price).build())
			.setClientReferenceId(request.cycle().asString())
			.putAllMetadata(metadata)
			.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putAllMetadata(metadata).build())
			.setSuccessUrl(request.successUrl())
			.setCancelUrl(request.cancelUrl())
			.setLocale(locale(request.locale()))
			.build();
	}

	static SessionCreateParams setup(SetupRequest request) {
		var metadata = CycleMetadata.setup(request.cycle(), request.registeredAt());
		SessionCreateParams.Builder builder = SessionCreateParams.builder()
			.setMode(Mode.SETUP)
			.setCurrency(request.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
			.addAllPaymentMethodType(types(request.currency()))
			.setClientReferenceId(request.cycle().asString())
			.putAllMetadata(metadata)
			.setSetupIntentData(SessionCreateParams.SetupIntentData.builder().putAllMetadata(metadata).build())
			.setSuccessUrl(request.successUrl())
			.setCancelUrl(request.cancelUrl())
			.setLocale(locale(request.locale()));
		if (request.customerId() != null) {
			builder.setCustomer(request.customerId());
		}
		else {
			builder.setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS);
		}
		return builder.build();
	}

	private static List<PaymentMethodType> types(Currency currency) {
		return PaymentMethodTypes.forCurrency(currency)
			.stream()
			.map((type) -> PaymentMethodType.valueOf(type.toUpperCase(Locale.ROOT)))
			.toList();
	}

	private static SessionCreateParams.Locale locale(HolderLocale locale) {
		return switch (locale) {
			case EN -> SessionCreateParams.Locale.EN;
			case FR -> SessionCreateParams.Locale.FR;
			case NL -> SessionCreateParams.Locale.NL;
			case DE -> SessionCreateParams.Locale.DE;
			case ZH -> SessionCreateParams.Locale.ZH;
		};
	}

}
