package io.keepline.standalone.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.keepline.contracts.json.EventJson;
import io.keepline.standalone.seed.LineSeed;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request into the console only with its token: the banner's link
 * ({@code ?token=}, which sets an HttpOnly SameSite=Strict cookie and redirects to drop
 * the token from the address), the cookie, {@code Authorization: Bearer <token>}, or
 * basic auth with the token as password (the notifier calling the SMS stand-in). A
 * state-changing request that proves itself by the cookie must also come from the
 * console's own origin (CSRF). Holders' webhooks and operators' notices prove themselves
 * by their signature instead, checked by {@link OutboxEndpoints} and
 * {@link SimulatedOperators}, the only handlers under those paths.
 */
@Component
class ConsoleAccessFilter extends OncePerRequestFilter {

	static final String COOKIE = "keepline-console";

	static final String TOKEN_PARAMETER = "token";

	static final String CHALLENGE = "Bearer realm=\"keepline-console\"";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private final ConsoleToken token;

	ConsoleAccessFilter(ConsoleToken token) {
		this.token = token;
	}

	/** How a request proved it knows the token. */
	enum Proof {

		NONE, HEADER, COOKIE

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Referrer-Policy", "same-origin");
		boolean safe = SAFE_METHODS.contains(request.getMethod());
		if (!safe && signedWebhook(request.getServletPath())) {
			chain.doFilter(request, response);
			return;
		}
		String linkToken = safe ? request.getParameter(TOKEN_PARAMETER) : null;
		if (linkToken != null) {
			openFromLink(request, response, linkToken);
			return;
		}
		Proof proof = proof(request);
		if (proof == Proof.NONE) {
			problem(response, HttpStatus.UNAUTHORIZED, "this console needs its token: open the link printed in the"
					+ " start-up banner (http://localhost:8080/?token=...), or send Authorization: Bearer <token>");
			return;
		}
		if (proof == Proof.COOKIE && !safe && !sameOrigin(request)) {
			problem(response, HttpStatus.FORBIDDEN,
					"a state-changing request from a browser must come from the console's own origin");
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether the path is a webhook receiver that checks its sender's signature. */
	private static boolean signedWebhook(String path) {
		return path.startsWith(LineSeed.WEBHOOK_PATH) || path.startsWith(ConsoleSettings.SIMULATED_OPERATORS_PATH);
	}

	private void openFromLink(HttpServletRequest request, HttpServletResponse response, String linkToken)
			throws IOException {
		if (!this.token.matches(linkToken)) {
			problem(response, HttpStatus.UNAUTHORIZED, "this link's token is not the console's token");
			return;
		}
		ResponseCookie cookie = ResponseCookie.from(COOKIE, linkToken)
			.httpOnly(true)
			.sameSite("Strict")
			.path("/")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader(HttpHeaders.LOCATION, withoutToken(request));
	}

	/** The request's path and query, without the token parameter. */
	static String withoutToken(HttpServletRequest request) {
		String query = (request.getQueryString() != null) ? Arrays.stream(request.getQueryString().split("&"))
			.filter((part) -> !part.equals(TOKEN_PARAMETER) && !part.startsWith(TOKEN_PARAMETER + "="))
			.collect(Collectors.joining("&")) : "";
		return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
	}

	private Proof proof(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null) {
			return (this.token.matches(credential(authorization))) ? Proof.HEADER : Proof.NONE;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName()) && this.token.matches(cookie.getValue())) {
					return Proof.COOKIE;
				}
			}
		}
		return Proof.NONE;
	}

	/** The token of a Bearer header, or the password of a Basic one; else null. */
	private static String credential(String authorization) {
		if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).strip();
		}
		if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = pair.indexOf(':');
				return (colon >= 0) ? pair.substring(colon + 1) : null;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * Whether the browser says the request comes from a page of this console (its
	 * {@code Origin}, else its {@code Referer}); a request that says neither is refused.
	 */
	private static boolean sameOrigin(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			String referer = request.getHeader(HttpHeaders.REFERER);
			origin = (referer != null) ? referer : "";
		}
		int port = request.getLocalPort();
		for (String host : new String[] { "localhost", "127.0.0.1", "[::1]" }) {
			String own = "http://" + host + ":" + port;
			if (origin.equals(own) || origin.startsWith(own + "/")) {
				return true;
			}
		}
		return false;
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		response.setStatus(status.value());
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		}
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(EventJson.mapper().writeValueAsString(body));
	}

}
