package io.keepline.payments.pages;

import java.net.URI;
import java.util.Locale;

import io.keepline.support.links.LinkSettings;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Refuses a holder page's POST that a browser sent from another site: its {@code Origin}
 * must be the pages' public origin (or the host it was sent to), and without an
 * {@code Origin} its {@code Sec-Fetch-Site} must not be {@code cross-site}. A client that
 * sends neither is no browser acting for someone else: it needs the link itself.
 */
final class SameOriginPosts {

	private final String publicOrigin;

	SameOriginPosts(LinkSettings links) {
		this.publicOrigin = origin(links.baseUrl());
	}

	boolean allowed(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null) {
			String sent = origin.toLowerCase(Locale.ROOT);
			String host = request.getHeader(HttpHeaders.HOST);
			return sent.equals(this.publicOrigin)
					|| (host != null && sent.equals(request.getScheme() + "://" + host.toLowerCase(Locale.ROOT)));
		}
		return !"cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
	}

	private static String origin(URI uri) {
		String origin = uri.getScheme() + "://" + uri.getHost();
		return ((uri.getPort() != -1) ? origin + ":" + uri.getPort() : origin).toLowerCase(Locale.ROOT);
	}

}
