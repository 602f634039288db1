package io.keepline.notifier.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.keepline.contracts.json.EventJson;
import io.keepline.notifier.delivery.PermanentDeliveryException;
import io.keepline.notifier.delivery.TransientDeliveryException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends SMS through a Twilio-compatible REST API: {@code POST
 * {baseUrl}/2010-04-01/Accounts/{sid}/Messages.json} with {@code To}, {@code From} and
 * {@code Body}, basic auth. 2xx with a {@code sid} is accepted; 429, 5xx and no answer
 * are retried; other 4xx (invalid number, unsubscribed…) are final.
 */
public final class TwilioSmsSender implements SmsSender {

	private final HttpClient client;

	private final URI messagesUri;

	private final String authorization;

	private final String from;

	private final Duration timeout;

	public TwilioSmsSender(HttpClient client, URI baseUrl, String accountSid, String authToken, String from,
			Duration timeout) {
		this.client = client;
		String base = baseUrl.toString().replaceAll("/+$", "");
		this.messagesUri = URI.create(base + "/2010-04-01/Accounts/" + encode(accountSid) + "/Messages.json");
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
		this.from = from;
		this.timeout = timeout;
	}

	@Override
	public String send(SmsMessage message) {
		String form = "To=" + encode(message.to().value()) + "&From=" + encode(this.from) + "&Body="
				+ encode(message.text());
		HttpRequest request = HttpRequest.newBuilder(this.messagesUri)
			.timeout(this.timeout)
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<byte[]> response = call(request);
		int status = response.statusCode();
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

	private HttpResponse<byte[]> call(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new TransientDeliveryException("sms_unreachable", "SMS provider not reachable", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransientDeliveryException("interrupted", "interrupted while calling the SMS provider", ex);
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
