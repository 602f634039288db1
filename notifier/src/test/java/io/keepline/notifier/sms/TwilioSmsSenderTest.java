package io.keepline.notifier.sms;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.keepline.contracts.Msisdn;
import io.keepline.notifier.delivery.PermanentDeliveryException;
import io.keepline.notifier.delivery.TransientDeliveryException;
import io.keepline.support.outbound.HostResolver;
import io.keepline.support.outbound.OutboundClient;
import io.keepline.support.outbound.OutboundClients;
import io.keepline.support.outbound.OutboundSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TwilioSmsSenderTest {

	private static final String MESSAGES = "/2010-04-01/Accounts/AC123/Messages.json";

	private final WireMockServer twilio = new WireMockServer(options().dynamicPort());

	private final OutboundClient client = new OutboundClients(
			new OutboundSettings(DataSize.ofKilobytes(64), 2, 16, Duration.ZERO, List.of()), HostResolver.SYSTEM,
			Clock.systemUTC())
		.trusted(Duration.ofSeconds(2));

	private TwilioSmsSender sender;

	private final SmsMessage message = new SmsMessage(Msisdn.of("+32470123456"), "Keepline: renouvelez, 15,00 €", "n1");

	@BeforeEach
	void start() {
		this.twilio.start();
		this.sender = new TwilioSmsSender(this.client, URI.create(this.twilio.baseUrl() + "/"), "AC123", "secret-token",
				"+3225550100");
	}

	@AfterEach
	void stop() throws java.io.IOException {
		this.twilio.stop();
		this.client.close();
	}

	@Test
	void postsTheMessageAsTwilioExpectsAndReturnsItsSid() {
		this.twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"sid\":\"SM42\",\"status\":\"queued\"}")));
		assertThat(this.sender.send(this.message)).isEqualTo("SM42");
		this.twilio.verify(postRequestedFor(urlEqualTo(MESSAGES))
			.withHeader("Authorization", equalTo("Basic QUMxMjM6c2VjcmV0LXRva2Vu"))
			.withRequestBody(containing("To=%2B32470123456"))
			.withRequestBody(containing("From=%2B3225550100"))
			.withRequestBody(containing("Body=Keepline%3A+renouvelez%2C+15%2C00+%E2%82%AC")));
	}

	@Test
	void givesUpOnAnInvalidNumber() {
		this.twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(
				aResponse().withStatus(400).withBody("{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\"}")));
		assertThatExceptionOfType(PermanentDeliveryException.class).isThrownBy(() -> this.sender.send(this.message))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("sms_http_400_21211"));
	}

	@Test
	void retriesWhenTheProviderIsBusyOrDown() {
		this.twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(429)));
		assertThatExceptionOfType(TransientDeliveryException.class).isThrownBy(() -> this.sender.send(this.message));
		this.twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(TransientDeliveryException.class).isThrownBy(() -> this.sender.send(this.message));
	}

}
