package io.keepline.ingest.notice.webhook;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.keepline.contracts.OperatorId;

/**
 * Each operator's webhook URL from {@code KEEPLINE_OPERATOR_WEBHOOKS}
 * ({@code orange=https://…,base=https://…}): configuration, so any http(s) address.
 */
public record OperatorWebhooks(Map<OperatorId, URI> urls) {

	public OperatorWebhooks {
		urls = Map.copyOf(urls);
	}

	/**
	 * Parses the setting; blank means no webhooks. A malformed entry fails with the
	 * entry's operator and the reason.
	 */
	public static OperatorWebhooks parse(String setting) {
		Map<OperatorId, URI> urls = new LinkedHashMap<>();
		if (setting == null || setting.isBlank()) {
			return new OperatorWebhooks(urls);
		}
		for (String entry : setting.split(",")) {
			String[] pair = entry.trim().split("=", 2);
			if (pair.length != 2 || pair[0].isBlank()) {
				throw new IllegalArgumentException("KEEPLINE_OPERATOR_WEBHOOKS: an entry is not operator=url");
			}
			OperatorId operator = OperatorId.of(pair[0].trim());
			URI url = url(operator, pair[1].trim());
			if (urls.put(operator, url) != null) {
				throw new IllegalArgumentException("KEEPLINE_OPERATOR_WEBHOOKS: " + operator + " is listed twice");
			}
		}
		return new OperatorWebhooks(urls);
	}

	private static URI url(OperatorId operator, String text) {
		try {
			URI url = URI.create(text);
			String scheme = (url.getScheme() != null) ? url.getScheme() : "";
			if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
					&& url.getUserInfo() == null) {
				return url;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below, without echoing the value
		}
		throw new IllegalArgumentException(
				"KEEPLINE_OPERATOR_WEBHOOKS: the URL of " + operator + " is not an http(s) URL with a host");
	}

	@Override
	public String toString() {
		return "OperatorWebhooks" + this.urls.keySet();
	}

}
