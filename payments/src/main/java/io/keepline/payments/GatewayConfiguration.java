package io.keepline.payments;

import java.net.http.HttpClient;
import java.time.Clock;

import com.stripe.StripeClient;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.sandbox.SandboxGateway;
import io.keepline.payments.stripe.StripeGateway;
import io.keepline.support.links.LinkSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the payment gateway: stripe-java against {@code STRIPE_API_BASE} (Stripe by
 * default), or the offline sandbox when it was explicitly chosen.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

	@Bean
	PaymentGateway paymentGateway(PaymentsSettings settings, LinkSettings links, Clock clock) {
		if (settings.sandbox()) {
			return new SandboxGateway(links, settings.stripe().webhookSecret(), clock, HttpClient.newHttpClient());
		}
		PaymentsSettings.StripeSettings stripe = settings.stripe();
		StripeClient.StripeClientBuilder builder = StripeClient.builder()
			.setApiKey(stripe.apiKey())
			.setConnectTimeout((int) stripe.connectTimeout().toMillis())
			.setReadTimeout((int) stripe.readTimeout().toMillis())
			.setMaxNetworkRetries(stripe.maxNetworkRetries());
		if (stripe.apiBase() != null && !stripe.apiBase().isBlank()) {
			builder.setApiBase(stripe.apiBase());
		}
		return new StripeGateway(builder.build());
	}

}
