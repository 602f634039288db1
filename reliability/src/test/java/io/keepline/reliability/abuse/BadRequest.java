package io.keepline.reliability.abuse;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One row of the bad-input table: what is sent to which endpoint of which service, the
 * status it must get and a clue the answer must contain to name the problem.
 *
 * @param service the service the request goes to
 * @param method the HTTP method
 * @param endpoint the endpoint as mapped, for counting ({@code GET /v1/lines/{msisdn}})
 * @param path the path sent, with {@code {line}} standing for the registered line
 * @param name what is wrong with the request
 * @param headers request headers
 * @param body the body, or null for none
 * @param status the status it must get
 * @param clue text the answer must contain (case-insensitive)
 */
record BadRequest(Target service, String method, String endpoint, String path, String name, Map<String, String> headers,
		Body body, int status, String clue) {

	/**
	 * What Tomcat's own page says when it refuses a request before any service code runs
	 * (a header or a request line over its 8 KiB limit): Boot hides the rest of its
	 * report.
	 */
	static final String BEFORE_THE_SERVICE = "HTTP Status 400 – Bad Request";

	/** The services with an HTTP interface. */
	enum Target {

		INGEST, SCHEDULER, NOTIFIER, PAYMENTS

	}

	/** A request body, built when sent (some are megabytes). */
	record Body(Supplier<byte[]> bytes, boolean chunked) {

		HttpRequest.BodyPublisher publisher() {
			byte[] content = this.bytes.get();
			return this.chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content))
					: HttpRequest.BodyPublishers.ofByteArray(content);
		}

	}

	/** A request to {@code endpoint} ({@code "POST /v1/line-events"}), sent as mapped. */
	static BadRequest to(Target service, String endpoint) {
		int space = endpoint.indexOf(' ');
		return new BadRequest(service, endpoint.substring(0, space), endpoint, endpoint.substring(space + 1), null,
				Map.of(), null, 0, null);
	}

	BadRequest named(String name) {
		return new BadRequest(this.service, this.method, this.endpoint, this.path, name, this.headers, this.body,
				this.status, this.clue);
	}

	BadRequest method(String method) {
		return new BadRequest(this.service, method, this.endpoint, this.path, this.name, this.headers, this.body,
				this.status, this.clue);
	}

	BadRequest path(String path) {
		return new BadRequest(this.service, this.method, this.endpoint, path, this.name, this.headers, this.body,
				this.status, this.clue);
	}

	BadRequest header(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new BadRequest(this.service, this.method, this.endpoint, this.path, this.name, Map.copyOf(headers),
				this.body, this.status, this.clue);
	}

	BadRequest body(String contentType, String text) {
		return body(contentType, () -> text.getBytes(StandardCharsets.UTF_8), false);
	}

	BadRequest body(String contentType, Supplier<byte[]> bytes, boolean chunked) {
		BadRequest typed = (contentType != null) ? header("Content-Type", contentType) : this;
		return new BadRequest(this.service, this.method, this.endpoint, this.path, this.name, typed.headers,
				new Body(bytes, chunked), this.status, this.clue);
	}

	BadRequest expect(int status, String clue) {
		return new BadRequest(this.service, this.method, this.endpoint, this.path, this.name, this.headers, this.body,
				status, clue);
	}

	@Override
	public String toString() {
		return this.service.name().toLowerCase() + " " + this.endpoint + ": " + this.name;
	}

}
