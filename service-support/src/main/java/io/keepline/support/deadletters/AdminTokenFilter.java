package io.keepline.support.deadletters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the dead-letter admin on the management port: showing a record and replaying
 * take {@code Authorization: Bearer <KEEPLINE_ADMIN_TOKEN>} (compared in constant time);
 * without a configured token they are refused. Listing, which shows no personal data, is
 * open like health.
 */
final class AdminTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	AdminTokenFilter(String token) {
		this.token = (token != null && !token.isBlank()) ? sha256(token) : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isListing(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (this.token == null) {
			refuse(response, HttpServletResponse.SC_FORBIDDEN,
					"Dead-letter admin is off: KEEPLINE_ADMIN_TOKEN is not set on this service");
			return;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.startsWith(BEARER)
				|| !MessageDigest.isEqual(this.token, sha256(authorization.substring(BEARER.length()).strip()))) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
					"The dead-letter admin needs the admin token: Authorization: Bearer <KEEPLINE_ADMIN_TOKEN>");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isListing(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return HttpMethod.GET.matches(request.getMethod()) && path.endsWith("/deadletters");
	}

	private static void refuse(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.getWriter()
			.write("{\"title\":\"" + ((status == 401) ? "Unauthorized" : "Forbidden") + "\",\"status\":" + status
					+ ",\"detail\":\"" + detail + "\"}");
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
