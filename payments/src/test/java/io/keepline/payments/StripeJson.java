package io.keepline.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.stripe.Stripe;
import io.keepline.contracts.Msisdn;

/**
 * Stripe API objects and webhook events shaped as Stripe sends them for the API version
 * stripe-java pins, and webhook signatures computed as Stripe computes them.
 */
public final class StripeJson {

	private StripeJson() {
	}

	/** {@code t=…,v1=hex(HMAC_SHA256(secret, t + "." + payload))}. */
	public static String sign(String secret, Instant at, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String t = Long.toString(at.getEpochSecond());
			return "t=" + t + ",v1="
					+ HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String metadata(Msisdn msisdn, LocalDate validUntil, String source) {
		return """
				{"keepline_msisdn": "%s", "keepline_valid_until": "%s", "keepline_source": "%s"}"""
			.formatted(msisdn.value(), validUntil, source);
	}

	public static String event(String id, String type, Instant created, String object) {
		return """
				{
				  "id": "%s",
				  "object": "event",
				  "api_version": "%s",
				  "created": %d,
				  "data": {
				    "object": %s
				  },
				  "livemode": false,
				  "pending_webhooks": 1,
				  "request": {"id": null, "idempotency_key": null},
				  "type": "%s"
				}""".formatted(id, Stripe.API_VERSION, created.getEpochSecond(), object, type);
	}

	public static String checkoutSession(String id, String paymentIntent, long amount, String metadata) {
		return checkoutSession(id, paymentIntent, amount, metadata, "paid");
	}

	/**
	 * A completed payment-mode session; {@code paymentStatus} is {@code unpaid} while a
	 * delayed method such as Bancontact is still settling.
	 */
	public static String checkoutSession(String id, String paymentIntent, long amount, String metadata,
			String paymentStatus) {
		return """
				{
				  "id": "%s",
				  "object": "checkout.session",
				  "amount_subtotal": %d,
				  "amount_total": %d,
				  "client_reference_id": null,
				  "created": 1764000000,
				  "currency": "eur",
				  "customer": null,
				  "expires_at": 1764086400,
				  "livemode": false,
				  "locale": "fr",
				  "metadata": %s,
				  "mode": "payment",
				  "payment_intent": "%s",
				  "payment_method_types": ["card", "bancontact"],
				  "payment_status": "%s",
				  "setup_intent": null,
				  "status": "complete",
				  "success_url": "http://localhost:8084/status/x?checkout=success",
				  "cancel_url": "http://localhost:8084/status/x?checkout=cancelled",
				  "url": null
				}""".formatted(id, amount, amount, metadata, paymentIntent, paymentStatus);
	}

	public static String paymentIntent(String id, String status, long amount, String metadata, String lastError) {
		return """
				{
				  "id": "%s",
				  "object": "payment_intent",
				  "amount": %d,
				  "amount_capturable": 0,
				  "amount_received": %d,
				  "capture_method": "automatic",
				  "client_secret": "%s_secret_abc",
				  "confirmation_method": "automatic",
				  "created": 1764000000,
				  "currency": "eur",
				  "customer": "cus_T1",
				  "last_payment_error": %s,
				  "latest_charge": "ch_1",
				  "livemode": false,
				  "metadata": %s,
				  "payment_method": "pm_1",
				  "payment_method_types": ["card"],
				  "status": "%s"
				}""".formatted(id, amount, "succeeded".equals(status) ? amount : 0, id, lastError, metadata, status);
	}

	public static String cardError(String code, String declineCode) {
		return """
				{"type": "card_error", "code": "%s", "decline_code": %s, "message": "Your card was declined.", "doc_url": "https://stripe.com/docs/error-codes/%s"}"""
			.formatted(code, (declineCode != null) ? "\"" + declineCode + "\"" : "null", code);
	}

	public static String charge(String id, String paymentIntent, long amount, String metadata) {
		return """
				{
				  "id": "%s",
				  "object": "charge",
				  "amount": %d,
				  "amount_captured": %d,
				  "amount_refunded": %d,
				  "captured": true,
				  "created": 1764000000,
				  "currency": "eur",
				  "livemode": false,
				  "metadata": %s,
				  "paid": true,
				  "payment_intent": "%s",
				  "refunded": true,
				  "status": "succeeded"
				}""".formatted(id, amount, amount, amount, metadata, paymentIntent);
	}

	public static String dispute(String id, String charge, String paymentIntent, long amount, String reason) {
		return """
				{
				  "id": "%s",
				  "object": "dispute",
				  "amount": %d,
				  "charge": "%s",
				  "created": 1764000000,
				  "currency": "eur",
				  "is_charge_refundable": false,
				  "livemode": false,
				  "metadata": {},
				  "payment_intent": "%s",
				  "reason": "%s",
				  "status": "needs_response"
				}""".formatted(id, amount, charge, paymentIntent, reason);
	}

}
