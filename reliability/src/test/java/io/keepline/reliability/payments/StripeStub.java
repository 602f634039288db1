package io.keepline.reliability.payments;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.keepline.reliability.payments.StripeLedger.Answer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local HTTP stand-in for the Stripe API that stripe-java talks to: WireMock answers
 * every request through {@link StripeLedger} (Stripe's idempotency, charges, declines,
 * refunds, lists and events) after {@link FaultPlan} had its say, and every POST exchange
 * is recorded. An injected {@link StripeFault#SERVER_ERROR} comes from before Stripe's
 * API, so nothing is saved under its key; an outage of the ledger saves its 500s.
 */
final class StripeStub implements AutoCloseable {

	/** One request and what became of it. */
	record Exchange(String path, String idempotencyKey, Map<String, String> params, StripeFault fault, int status,
			boolean replayed) {

		String metadata(String name) {
			return this.params.get("metadata[" + name + "]");
		}

	}

	private final String apiKey;

	private final FaultPlan faults;

	private final Duration lateBy;

	private final StripeLedger ledger = new StripeLedger();

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	private final WireMockServer server;

	/**
	 * Starts the stand-in.
	 * @param apiKey the only secret key it accepts
	 * @param faults which requests fail
	 * @param lateBy how late a {@link StripeFault#LATE_ANSWER} comes: longer than the
	 * client's read timeout
	 */
	StripeStub(String apiKey, FaultPlan faults, Duration lateBy) {
		this.apiKey = apiKey;
		this.faults = faults;
		this.lateBy = lateBy;
		this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Api()));
		this.server.start();
		this.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
	}

	String baseUrl() {
		return this.server.baseUrl();
	}

	StripeLedger ledger() {
		return this.ledger;
	}

	FaultPlan faults() {
		return this.faults;
	}

	List<Exchange> exchanges() {
		return List.copyOf(this.exchanges);
	}

	/** The requests sent (creations) for the cycles of {@code numbers}. */
	List<Exchange> sentFor(Set<String> numbers) {
		return this.exchanges.stream().filter((e) -> numbers.contains(e.metadata("keepline_msisdn"))).toList();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private ResponseDefinition answer(Request request) {
		String path = URI.create(request.getUrl()).getPath();
		String key = request.getHeader("Idempotency-Key");
		Map<String, String> params = form(request.getBodyAsString());
		if (!("Bearer " + this.apiKey).equals(request.getHeader("Authorization"))) {
			return json(401, "{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Invalid API Key\"}}");
		}
		if (RequestMethod.GET.equals(request.getMethod())) {
			Answer listed = this.ledger.list(path, form(URI.create(request.getUrl()).getRawQuery()));
			return json(listed.status(), listed.body());
		}
		StripeFault fault = RequestMethod.POST.equals(request.getMethod()) ? this.faults.next(key) : null;
		if (fault == StripeFault.SERVER_ERROR) {
			this.exchanges.add(new Exchange(path, key, params, fault, 500, false));
			return json(500, "{\"error\": {\"type\": \"api_error\", \"message\": \"An unknown error occurred\"}}");
		}
		Answer answer = this.ledger.handle(path, key, params);
		this.exchanges.add(new Exchange(path, key, params, fault, answer.status(), answer.replayed()));
		if (fault == StripeFault.CONNECTION_RESET) {
			return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
		}
		ResponseDefinitionBuilder response = aResponse().withStatus(answer.status())
			.withHeader("Content-Type", "application/json")
			.withHeader("Request-Id", "req_" + request.getId())
			.withBody(answer.body());
		if (answer.replayed()) {
			response.withHeader("Idempotent-Replayed", "true");
		}
		if (fault == StripeFault.LATE_ANSWER) {
			response.withFixedDelay((int) this.lateBy.toMillis());
		}
		return response.build();
	}

	private static ResponseDefinition json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
	}

	/** The form-encoded parameters stripe-java sends, such as {@code metadata[x]=y}. */
	private static Map<String, String> form(String body) {
		Map<String, String> params = new TreeMap<>();
		if (body == null || body.isEmpty()) {
			return params;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			params.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return params;
	}

	private final class Api implements ResponseDefinitionTransformerV2 {

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			return answer(serveEvent.getRequest());
		}

		@Override
		public String getName() {
			return "stripe-api";
		}

	}

}
