package io.keepline.notifier.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.webhook.WebhookKeys;
import io.keepline.contracts.webhook.WebhookSignature;
import io.keepline.notifier.delivery.PermanentDeliveryException;
import io.keepline.notifier.delivery.TransientDeliveryException;
import io.keepline.support.outbound.ConcurrencyLimits;
import io.keepline.support.outbound.HostResolver;
import io.keepline.support.outbound.OutboundClient;
import io.keepline.support.outbound.OutboundClients;
import io.keepline.support.outbound.OutboundSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The webhook channel against a real HTTP receiver, reached as the standalone reaches its
 * outbox (an allowed local origin); every other local address is refused.
 */
class HttpWebhookSenderTest {

	private static final OperatorId ORANGE = OperatorId.of("orange");

	private static final String SECRET = "whsec_unit_orange_secret_of_32_bytes";

	private static final WireMockServer server = new WireMockServer(options().dynamicPort());

	private static final int closedPort = closedPort();

	private static OutboundClient client;

	private final ConcurrencyLimits operators = new ConcurrencyLimits(1, Duration.ZERO, Clock.systemUTC());

	private final byte[] body = "{\"id\":\"n1\"}".getBytes(StandardCharsets.UTF_8);

	@BeforeAll
	static void start() {
		server.start();
		OutboundSettings settings = new OutboundSettings(DataSize.ofKilobytes(64), 2, 16, Duration.ZERO,
				List.of(URI.create(server.baseUrl()), URI.create("http://127.0.0.1:" + closedPort)));
		client = new OutboundClients(settings, HostResolver.SYSTEM, Clock.systemUTC()).guarded(Duration.ofSeconds(2));
	}

	@AfterAll
	static void stop() throws IOException {
		client.close();
		server.stop();
	}

	private HttpWebhookSender sender() {
		return new HttpWebhookSender(client, WebhookKeys.parse("orange=k1:" + SECRET), this.operators,
				Clock.systemUTC());
	}

	@Test
	void postsSignedJsonThatTheReceiverCanVerify() {
		server.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
		sender().send(new WebhookMessage(ORANGE, url("/ok"), this.body, "n1"));
		LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/ok"))).get(0);
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getHeader(HttpWebhookSender.NOTIFICATION_ID_HEADER)).isEqualTo("n1");
		assertThat(WebhookSignature.of("k1", SECRET)
			.verify(request.getHeader(WebhookSignature.HEADER), request.getBody(), Instant.now(),
					Duration.ofMinutes(5)))
			.isTrue();
	}

	@Test
	void retriesServerErrorsAndGivesUpOnClientErrors() {
		server.stubFor(post(urlEqualTo("/busy")).willReturn(aResponse().withStatus(503)));
		server.stubFor(post(urlEqualTo("/gone")).willReturn(aResponse().withStatus(410)));
		server.stubFor(post(urlEqualTo("/moved")).willReturn(aResponse().withStatus(301)));
		assertThatExceptionOfType(TransientDeliveryException.class)
			.isThrownBy(() -> sender().send(new WebhookMessage(ORANGE, url("/busy"), this.body, "n1")));
		assertThatExceptionOfType(PermanentDeliveryException.class)
			.isThrownBy(() -> sender().send(new WebhookMessage(ORANGE, url("/gone"), this.body, "n1")));
		assertThatExceptionOfType(PermanentDeliveryException.class)
			.isThrownBy(() -> sender().send(new WebhookMessage(ORANGE, url("/moved"), this.body, "n1")));
	}

	@Test
	void retriesWhenNobodyAnswers() {
		URI closed = URI.create("http://127.0.0.1:" + closedPort + "/ok");
		assertThatExceptionOfType(TransientDeliveryException.class)
			.isThrownBy(() -> sender().send(new WebhookMessage(ORANGE, closed, this.body, "n1")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("webhook_unreachable"));
	}

	@Test
	void refusesForGoodAnInternalAddressWithoutCallingIt() {
		int before = server.findAll(anyRequestedFor(anyUrl())).size();
		URI internal = URI.create("https://127.0.0.1:" + server.port() + "/ok");
		assertThatExceptionOfType(PermanentDeliveryException.class)
			.isThrownBy(() -> sender().send(new WebhookMessage(ORANGE, internal, this.body, "n1")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("webhook_address_refused"));
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(before);
	}

	@Test
	void failsForGoodForAnOperatorWithoutAKey() {
		assertThatExceptionOfType(PermanentDeliveryException.class)
			.isThrownBy(() -> sender().send(new WebhookMessage(OperatorId.of("base"), url("/ok"), this.body, "n1")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("webhook_no_key"));
	}

	@Test
	void defersAtOnceWhenTheOperatorIsAtItsLimit() {
		assertThat(this.operators.tryEnter(ORANGE.value())).isTrue();
		assertThatExceptionOfType(TransientDeliveryException.class)
			.isThrownBy(() -> sender().send(new WebhookMessage(ORANGE, url("/ok"), this.body, "n1")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("webhook_operator_busy"));
		this.operators.leave(ORANGE.value());
	}

	@Test
	void refusesAnInternalAddressForGoodEvenWhenTheOperatorIsAtItsLimit() {
		assertThat(this.operators.tryEnter(ORANGE.value())).isTrue();
		URI internal = URI.create("https://10.0.0.1/hook");
		assertThatExceptionOfType(PermanentDeliveryException.class)
			.isThrownBy(() -> sender().send(new WebhookMessage(ORANGE, internal, this.body, "n1")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("webhook_address_refused"));
		this.operators.leave(ORANGE.value());
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static URI url(String path) {
		return URI.create(server.baseUrl() + path);
	}

}
