package io.keepline.notifier.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.keepline.notifier.delivery.PermanentDeliveryException;
import io.keepline.notifier.delivery.TransientDeliveryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HttpWebhookSenderTest {

	private static final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final WebhookSignature signature = new WebhookSignature("whsec_unit");

	private final HttpWebhookSender sender = new HttpWebhookSender(HttpClient.newHttpClient(), this.signature,
			Duration.ofSeconds(2), Clock.systemUTC());

	private final byte[] body = "{\"id\":\"n1\"}".getBytes(StandardCharsets.UTF_8);

	@BeforeAll
	static void start() {
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@Test
	void postsSignedJsonThatTheReceiverCanVerify() {
		server.stubFor(post(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
		this.sender.send(new WebhookMessage(url("/ok"), this.body, "n1"));
		LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/ok"))).get(0);
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeader(HttpWebhookSender.NOTIFICATION_ID_HEADER)).isEqualTo("n1");
		assertThat(this.signature.verify(request.getHeader(WebhookSignature.HEADER), request.getBody(),
				java.time.Instant.now(), Duration.ofMinutes(5)))
			.isTrue();
	}

	@Test
	void retriesServerErrorsAndGivesUpOnClientErrors() {
		server.stubFor(post(urlEqualTo("/busy")).willReturn(aResponse().withStatus(503)));
		server.stubFor(post(urlEqualTo("/gone")).willReturn(aResponse().withStatus(410)));
		server.stubFor(post(urlEqualTo("/moved")).willReturn(aResponse().withStatus(301)));
		assertThatExceptionOfType(TransientDeliveryException.class)
			.isThrownBy(() -> this.sender.send(new WebhookMessage(url("/busy"), this.body, "n1")));
		assertThatExceptionOfType(PermanentDeliveryException.class)
			.isThrownBy(() -> this.sender.send(new WebhookMessage(url("/gone"), this.body, "n1")));
		assertThatExceptionOfType(PermanentDeliveryException.class)
			.isThrownBy(() -> this.sender.send(new WebhookMessage(url("/moved"), this.body, "n1")));
	}

	@Test
	void retriesWhenNobodyAnswers() {
		URI closed = URI.create("http://127.0.0.1:" + closedPort() + "/ok");
		assertThatExceptionOfType(TransientDeliveryException.class)
			.isThrownBy(() -> this.sender.send(new WebhookMessage(closed, this.body, "n1")));
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private URI url(String path) {
		return URI.create(server.baseUrl() + path);
	}

}
