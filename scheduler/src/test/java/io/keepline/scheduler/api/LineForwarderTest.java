package io.keepline.scheduler.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.keepline.contracts.Msisdn;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Forwarding a read to the instance that holds the line, against real sockets: a peer
 * that answers, one that accepts the connection and never answers, and one that shows
 * whether the request came over TLS.
 */
class LineForwarderTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final String KEY = "Bearer orange-key";

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private ServerSocket silent;

	private HttpServer peer;

	@AfterEach
	void close() throws IOException {
		for (Socket socket : this.accepted) {
			socket.close();
		}
		if (this.silent != null) {
			this.silent.close();
		}
		if (this.peer != null) {
			this.peer.stop(0);
		}
	}

	@Test
	void relaysTheOwnersAnswerWithTheCallersKey() throws IOException {
		List<String> keys = new CopyOnWriteArrayList<>();
		this.peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.peer.createContext("/v1/lines/", (exchange) -> {
			keys.add(exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION));
			byte[] body = "{\"validUntil\":\"2027-01-31\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.peer.start();

		ResponseEntity<String> answer = forwarder("http", Duration.ofSeconds(5))
			.forward(new HostInfo("127.0.0.1", this.peer.getAddress().getPort()), LINE, KEY);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getBody()).isEqualTo("{\"validUntil\":\"2027-01-31\"}");
		assertThat(keys).containsExactly(KEY);
	}

	@Test
	void answers503WithRetryAfterWhenTheOwnerNeverAnswers() throws IOException {
		HostInfo owner = silentPeer();

		ResponseEntity<String> answer = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> forwarder("http", Duration.ofMillis(500)).forward(owner, LINE, KEY));

		assertThat(this.accepted).as("the owner accepted the connection").isNotEmpty();
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(answer.getBody()).contains("did not answer in time").doesNotContain(LINE.value());
	}

	@Test
	void speaksTlsToTheOwnerWhenTheSchemeIsHttps() throws Exception {
		HostInfo owner = silentPeer();
		CompletableFuture<Integer> firstByte = CompletableFuture.supplyAsync(() -> {
			// reads what the client sends first, then hangs up so that it gives up at
			// once
			try (Socket socket = awaitAccepted(); InputStream in = socket.getInputStream()) {
				return in.read();
			}
			catch (IOException ex) {
				return -1;
			}
		});

		ResponseEntity<String> answer = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> forwarder("https", Duration.ofSeconds(20)).forward(owner, LINE, KEY));

		assertThat(firstByte.get()).as("a TLS handshake record, not an HTTP request line").isEqualTo(0x16);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	private HostInfo silentPeer() throws IOException {
		this.silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!this.silent.isClosed()) {
				try {
					this.accepted.add(this.silent.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "silent-peer");
		acceptor.setDaemon(true);
		acceptor.start();
		return new HostInfo("127.0.0.1", this.silent.getLocalPort());
	}

	private Socket awaitAccepted() {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.accepted.isEmpty() ? null : this.accepted.get(0), (socket) -> socket != null);
	}

	private static LineForwarder forwarder(String scheme, Duration requestTimeout) {
		return new LineForwarder(new ForwardingSettings(scheme, Duration.ofSeconds(2), requestTimeout));
	}

}
