package io.keepline.support.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Refuses a holder page's POST that a browser sent from another site: its {@code Origin}
 * must be the pages' public origin (or the host it was sent to), and without an
 * {@code Origin} its {@code Sec-Fetch-Site} must not be {@code cross-site}. A client that
 * sends neither is no browser acting for someone else: it needs the link itself. Shared
 * by the holder pages of payments and the notifier.
 */
public final class SameOriginPosts {

	private final String publicOrigin;

	/** Checks POSTs against the origin of {@code publicBaseUrl}, the pages' address. */
	public SameOriginPosts(URI publicBaseUrl) {
		this.publicOrigin = origin(publicBaseUrl);
	}

	public boolean allowed(HttpServletRequest request) {
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
