package io.keepline.reliability.abuse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * An HTTP/1.1 client that follows no redirects and records what came back, including no
 * answer at all: a reset connection or a request that hangs is an outcome to count, not
 * an exception.
 */
final class Http {

	/** Longer than any honest answer takes on a loaded machine: beyond it, a hang. */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private Http() {
	}

	/** What an exchange gave: a status and body, or why there was none. */
	record Reply(int status, String body, HttpHeaders headers, String failure) {

		boolean answered() {
			return this.failure == null;
		}

		String header(String name) {
			return (this.headers != null) ? this.headers.firstValue(name).orElse(null) : null;
		}

		@Override
		public String toString() {
			return answered() ? this.status + " " + this.body : "no answer: " + this.failure;
		}

	}

	static Reply get(URI uri) {
		return send(HttpRequest.newBuilder(uri).GET());
	}

	static Reply send(URI uri, String method, Map<String, String> headers, HttpRequest.BodyPublisher body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.method(method, (body != null) ? body : HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return send(request);
	}

	private static Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = CLIENT.send(request.timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
					response.headers(), null);
		}
		catch (HttpTimeoutException ex) {
			return new Reply(0, "", null, "hung for " + TIMEOUT.toSeconds() + " s");
		}
		catch (IOException ex) {
			return new Reply(0, "", null, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
