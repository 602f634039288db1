package io.keepline.notifier.sms;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.keepline.contracts.json.EventJson;
import io.keepline.notifier.delivery.PermanentDeliveryException;
import io.keepline.notifier.delivery.TransientDeliveryException;
import io.keepline.support.outbound.OutboundClient;
import io.keepline.support.outbound.OutboundException;
import io.keepline.support.outbound.OutboundRequest;
import io.keepline.support.outbound.OutboundResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends SMS through a Twilio-compatible REST API: {@code POST
 * {baseUrl}/2010-04-01/Accounts/{sid}/Messages.json} with {@code To}, {@code From},
 * {@code Body} and the {@code StatusCallback} that delivery reports go to, basic auth,
 * through a trusted outbound client (the provider's address is configuration, not data;
 * one deadline for the whole call). 2xx with a {@code sid} is accepted; 429, 5xx, no
 * answer in time and a provider at its limit of calls in flight are retried; other 4xx
 * (invalid number, unsubscribed…) are final.
 */
public final class TwilioSmsSender implements SmsSender {

	private final OutboundClient client;

	private final URI messagesUri;

	private final String authorization;

	private final String from;

	private final URI statusCallback;

	public TwilioSmsSender(OutboundClient client, URI baseUrl, String accountSid, String authToken, String from) {
		this(client, baseUrl, accountSid, authToken, from, null);
	}

	/**
	 * @param statusCallback where the provider reports each message's delivery
	 * ({@code StatusCallback}); null for no reports
	 */
	public TwilioSmsSender(OutboundClient client, URI baseUrl, String accountSid, String authToken, String from,
			URI statusCallback) {
		this.client = client;
		this.statusCallback = statusCallback;
		String base = baseUrl.toString().replaceAll("/+$", "");
		this.messagesUri = URI.create(base + "/2010-04-01/Accounts/" + encode(accountSid) + "/Messages.json");
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
		this.from = from;
	}

	@Override
	public String send(SmsMessage message) {
		String form = "To=" + encode(message.to().value()) + "&From=" + encode(this.from) + "&Body="
				+ encode(message.text())
				+ ((this.statusCallback != null) ? "&StatusCallback=" + encode(this.statusCallback.toString()) : "");
		OutboundRequest request = new OutboundRequest(this.messagesUri, "application/x-www-form-urlencoded",
				form.getBytes(StandardCharsets.UTF_8),
				Map.of("Authorization", this.authorization, "Accept", "application/json"));
		OutboundResponse response = call(request);
		int status = response.status();
		if (status >= 200 && status < 300) {
			String sid = field(response.body(), "sid");
			if (sid == null) {
				throw new TransientDeliveryException("sms_no_sid", "SMS provider answered without a message sid");
			}
			return sid;
		}
		String code = field(response.body(), "code");
		String reason = "sms_http_" + status + ((code != null) ? "_" + code : "");
		if (status == 429 || status >= 500) {
			throw new TransientDeliveryException(reason, "SMS provider answered " + status);
		}
		throw new PermanentDeliveryException(reason, "SMS provider refused the message with " + status);
	}

	private OutboundResponse call(OutboundRequest request) {
		try {
			return this.client.post(request);
		}
		catch (OutboundException ex) {
			throw new TransientDeliveryException("sms_" + ex.reason().code(), "SMS provider not reachable", ex);
		}
	}

	private static String field(byte[] body, String name) {
		try {
			JsonNode value = EventJson.mapper().readTree(body).get(name);
			return (value != null && !value.isNull()) ? value.asString() : null;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
