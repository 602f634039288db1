package io.keepline.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP calls of the commands: JSON answers, a bearer key or token, and every failure
 * turned into a {@link CliException} naming the service and what to do.
 */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String service;

	private final String bearer;

	/**
	 * @param service what the base address is, for messages (e.g. "ingest at
	 * http://localhost:8081")
	 * @param bearer the key or token sent as {@code Authorization: Bearer}, or null
	 */
	Http(String service, String bearer) {
		this.service = service;
		this.bearer = bearer;
	}

	Answer get(String url) {
		return send(request(url).GET());
	}

	Answer post(String url, String contentType, String body) {
		return send(request(url).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String url) {
		HttpRequest.Builder request;
		try {
			request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json");
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(ExitCodes.USAGE, "Not a usable address: " + url);
		}
		if (this.bearer != null) {
			request.header("Authorization", "Bearer " + this.bearer);
		}
		return request;
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (ConnectException ex) {
			throw new CliException(ExitCodes.UNAVAILABLE, "Cannot reach " + this.service + ": is it running?");
		}
		catch (HttpTimeoutException ex) {
			throw new CliException(ExitCodes.UNAVAILABLE, this.service + " did not answer in time");
		}
		catch (IOException ex) {
			throw new CliException(ExitCodes.UNAVAILABLE, "Cannot talk to " + this.service + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException(ExitCodes.INTERRUPTED, "Interrupted");
		}
	}

	/** An answer: its status and body. */
	record Answer(int status, String body, String retryAfter) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (JacksonException ex) {
				throw new CliException(ExitCodes.UNAVAILABLE, "Unexpected answer (not JSON): " + abbreviated());
			}
		}

		/**
		 * This answer as a failure of {@code what}: the status mapped to an exit code,
		 * the problem's detail (RFC 9457) or the body as the message.
		 */
		CliException failure(String what) {
			String detail = abbreviated();
			try {
				JsonNode problem = JSON.readTree(this.body);
				if (problem.hasNonNull("detail")) {
					detail = problem.get("detail").asString();
				}
				else if (problem.hasNonNull("reason")) {
					detail = problem.get("reason").asString();
				}
			}
			catch (JacksonException ex) {
				// not a problem document: the body as it is
			}
			int code = switch (this.status) {
				case 401, 403 -> ExitCodes.UNAUTHORIZED;
				case 404 -> ExitCodes.NOT_FOUND;
				case 400, 413, 422 -> ExitCodes.BAD_INPUT;
				case 409 -> ExitCodes.CONFLICT;
				default -> ExitCodes.UNAVAILABLE;
			};
			return new CliException(code, what + ": HTTP " + this.status + ((detail.isBlank()) ? "" : " " + detail));
		}

		private String abbreviated() {
			String text = (this.body != null) ? this.body.strip() : "";
			return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
		}

	}

}
