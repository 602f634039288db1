package io.keepline.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console opens only with its token, on every kind of path: pages, JSON, live
 * updates, the outbox endpoints; the banner's link sets the cookie browsers use, scripts
 * send the token as a Bearer header, and a browser's state-changing request must come
 * from the console itself.
 */
@ExtendWith(RunningPipeline.class)
class ConsoleAccessTest {

	private static final String SMS = "/outbox/sms/2010-04-01/Accounts/ACdemo/Messages.json";

	private static final List<String> PATHS = List.of("/", "/?q=32", "/lines/+32470000000", "/outbox",
			"/outbox/emails/0", "/payments", "/live", "/no-such-page", "/outbox/webhooks/32470000000", "/notices",
			"/simulated-operators/orange/notices");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void answers401OnEveryKindOfPathWithoutTheToken(Pipeline pipeline) throws Exception {
		for (String path : PATHS) {
			HttpResponse<String> response = send(get(pipeline, path).header("Authorization", "Bearer wrong-token"));
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(send(get(pipeline, path)).statusCode()).as(path).isEqualTo(401);
			assertThat(send(get(pipeline, path).header("Cookie", "keepline-console=wrong")).statusCode()).as(path)
				.isEqualTo(401);
		}
		HttpResponse<String> page = send(get(pipeline, "/"));
		assertThat(page.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"keepline-console\"");
		assertThat(page.body()).contains("open the link printed in the start-up banner");
		assertThat(send(postSms(pipeline)).statusCode()).isEqualTo(401);
		assertThat(send(postWebhook(pipeline)).statusCode()).isEqualTo(401);
		assertThat(send(get(pipeline, "/?token=wrong-token")).statusCode()).isEqualTo(401);
	}

	@Test
	void theBannersLinkSetsAStrictHttpOnlyCookieAndDropsTheTokenFromTheAddress(Pipeline pipeline) throws Exception {
		HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(pipeline.consoleLink() + "&q=32")));

		assertThat(opened.statusCode()).isEqualTo(303);
		assertThat(opened.headers().firstValue("Location")).contains("/?q=32");
		String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("keepline-console=").contains("HttpOnly").contains("SameSite=Strict");
		String pair = cookie.substring(0, cookie.indexOf(';'));
		for (String path : List.of("/", "/outbox", "/payments", "/notices")) {
			assertThat(send(get(pipeline, path).header("Cookie", pair)).statusCode()).as(path).isEqualTo(200);
		}
		assertLiveUpdatesOpen(pipeline, "Cookie", pair);
	}

	@Test
	void takesTheTokenAsABearerHeader(Pipeline pipeline) throws Exception {
		String bearer = "Bearer " + pipeline.consoleToken();

		assertThat(send(get(pipeline, "/").header("Authorization", bearer)).statusCode()).isEqualTo(200);
		assertThat(send(get(pipeline, "/payments").header("Authorization", bearer)).statusCode()).isEqualTo(200);
		assertThat(send(get(pipeline, "/no-such-page").header("Authorization", bearer)).statusCode()).isEqualTo(404);
		assertLiveUpdatesOpen(pipeline, "Authorization", bearer);
		assertThat(send(postSms(pipeline).header("Authorization", bearer)).statusCode()).isEqualTo(201);
	}

	@Test
	void refusesAStateChangingRequestOfABrowserThatDoesNotComeFromTheConsole(Pipeline pipeline) throws Exception {
		String cookie = "keepline-console=" + pipeline.consoleToken();

		assertThat(send(postSms(pipeline).header("Cookie", cookie)).statusCode()).isEqualTo(403);
		assertThat(
				send(postSms(pipeline).header("Cookie", cookie).header("Origin", "http://evil.example")).statusCode())
			.isEqualTo(403);
		assertThat(send(postSms(pipeline).header("Cookie", cookie)
			.header("Origin", "http://localhost:" + pipeline.settings().ports().console() + "0")).statusCode())
			.isEqualTo(403);
		assertThat(
				send(postSms(pipeline).header("Cookie", cookie).header("Origin", pipeline.consoleUrl())).statusCode())
			.isEqualTo(201);
	}

	@Test
	void theSmsStandInTakesTheTokenAsTheTwilioAuthTokenAsTheNotifierSendsIt(Pipeline pipeline) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString(("ACdemo:" + pipeline.consoleToken()).getBytes(StandardCharsets.UTF_8));
		String wrong = Base64.getEncoder().encodeToString("ACdemo:demo".getBytes(StandardCharsets.UTF_8));

		assertThat(send(postSms(pipeline).header("Authorization", "Basic " + basic)).statusCode()).isEqualTo(201);
		assertThat(send(postSms(pipeline).header("Authorization", "Basic " + wrong)).statusCode()).isEqualTo(401);
	}

	@Test
	void listensOnLoopbackOnly(Pipeline pipeline) throws Exception {
		Optional<InetAddress> external = nonLoopbackAddress();
		assumeTrue(external.isPresent(), "this machine has no address but loopback");
		int port = pipeline.settings().ports().console();

		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(external.get(), port), 2000);
			}
		});
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
			assertThat(socket.isConnected()).isTrue();
		}
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
		return NetworkInterface.networkInterfaces().filter((network) -> {
			try {
				return network.isUp() && !network.isLoopback();
			}
			catch (SocketException ex) {
				return false;
			}
		})
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
	}

	private void assertLiveUpdatesOpen(Pipeline pipeline, String header, String value) throws Exception {
		HttpResponse<InputStream> live = this.http.send(
				get(pipeline, "/live").header(header, value).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream body = live.body()) {
			assertThat(live.statusCode()).isEqualTo(200);
			assertThat(live.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		}
	}

	private static HttpRequest.Builder get(Pipeline pipeline, String path) {
		return HttpRequest.newBuilder(URI.create(pipeline.consoleUrl() + path)).timeout(Duration.ofSeconds(30)).GET();
	}

	private static HttpRequest.Builder postSms(Pipeline pipeline) {
		return HttpRequest.newBuilder(URI.create(pipeline.consoleUrl() + SMS))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("To=%2B32470111222&From=Keepline&Body=access+test"));
	}

	private static HttpRequest.Builder postWebhook(Pipeline pipeline) {
		return HttpRequest.newBuilder(URI.create(pipeline.consoleUrl() + "/outbox/webhooks/32470111222"))
			.header("Content-Type", "application/json")
			.header("Keepline-Signature", "t=1,v1=00")
			.POST(HttpRequest.BodyPublishers.ofString("{\"forged\":true}"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
