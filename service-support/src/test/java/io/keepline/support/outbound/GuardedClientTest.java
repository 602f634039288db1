package io.keepline.support.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.keepline.support.outbound.OutboundException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The guarded client against a real listening socket on every local address: internal
 * targets, however written, and a DNS-rebinding name never get a connection.
 */
class GuardedClientTest {

	private ServerSocketChannel listener;

	private int port;

	@BeforeEach
	void listen() throws IOException {
		this.listener = ServerSocketChannel.open();
		this.listener.bind(new InetSocketAddress(0));
		this.listener.configureBlocking(false);
		this.port = ((InetSocketAddress) this.listener.getLocalAddress()).getPort();
	}

	@AfterEach
	void close() throws IOException {
		this.listener.close();
	}

	@Test
	void refusesInternalTargetsWithoutConnecting() throws IOException {
		HostResolver dns = (host) -> switch (host) {
			case "hooks.example.com" -> addresses("127.0.0.1");
			case "mixed.example.com" -> addresses("93.184.215.14", "10.1.2.3");
			case "v6.example.com" -> addresses("::ffff:7f00:1");
			default -> throw new UnknownHostException(host);
		};
		List<String> targets = List.of("https://127.0.0.1:%d/h", "https://127.1.2.3:%d/h", "https://localhost:%d/h",
				"https://hooks.example.com:%d/h", "https://mixed.example.com:%d/h", "https://v6.example.com:%d/h",
				"https://[::1]:%d/h", "https://[::ffff:127.0.0.1]:%d/h", "https://[::127.0.0.1]:%d/h",
				"https://[64:ff9b::7f00:1]:%d/h", "https://[2002:7f00:1::]:%d/h", "https://0.0.0.0:%d/h",
				"https://[::]:%d/h", "https://10.0.0.1:%d/h", "https://172.16.5.4:%d/h", "https://192.168.1.1:%d/h",
				"https://100.64.0.1:%d/h", "https://169.254.169.254:%d/latest/meta-data",
				"https://[fd00:ec2::254]:%d/h", "https://[fe80::1]:%d/h", "https://[fc00::1]:%d/h",
				"https://224.0.0.1:%d/h", "https://metadata.google.internal:%d/computeMetadata/v1/",
				"http://hooks.example.com:%d/h", "ftp://hooks.example.com:%d/h");
		List<String> connected = new ArrayList<>();
		try (OutboundClient client = clients(dns, List.of()).guarded(Duration.ofSeconds(2))) {
			for (String target : targets) {
				URI url = URI.create(target.formatted(this.port));
				OutboundException refused = catchThrowableOfType(OutboundException.class, () -> client.post(post(url)));
				assertThat(refused).as(target).isNotNull();
				assertThat(refused.reason()).as("%s: %s", target, refused.getMessage()).isEqualTo(Reason.REFUSED);
				if (acceptedConnection()) {
					connected.add(target);
				}
			}
		}
		assertThat(connected).isEmpty();
	}

	@Test
	void connectsToTheAddressItCheckedWhenTheNameRebinds() throws IOException {
		AtomicInteger lookups = new AtomicInteger();
		HostResolver rebinding = (host) -> (lookups.incrementAndGet() == 1) ? addresses("203.0.113.10")
				: addresses("127.0.0.1");
		URI url = URI.create("https://rebind.example.com:" + this.port + "/h");
		try (OutboundClient client = clients(rebinding, List.of()).guarded(Duration.ofMillis(800))) {
			OutboundException failed = catchThrowableOfType(OutboundException.class, () -> client.post(post(url)));
			assertThat(failed.reason()).isIn(Reason.DEADLINE, Reason.UNREACHABLE);
		}
		assertThat(lookups).hasValue(1);
		assertThat(acceptedConnection()).as("a connection to the rebound loopback address").isFalse();
		try (OutboundClient trusted = clients(rebinding, List.of()).trusted(Duration.ofMillis(800))) {
			catchThrowableOfType(OutboundException.class, () -> trusted.post(post(url)));
		}
		assertThat(acceptedConnection()).as("the same name through a trusted client reaches the socket").isTrue();
	}

	@Test
	void allowsTheConfiguredLocalOriginAndNoOtherLocalPort() throws IOException {
		try (RawReceiver outbox = new RawReceiver(RawReceiver.Behaviour.ANSWER);
				OutboundClient client = clients(HostResolver.SYSTEM,
						List.of(URI.create("http://127.0.0.1:" + outbox.port())))
					.guarded(Duration.ofSeconds(5))) {
			assertThat(client.post(post(URI.create("http://127.0.0.1:" + outbox.port() + "/outbox"))).status())
				.isEqualTo(200);
			assertThatExceptionOfType(OutboundException.class)
				.isThrownBy(() -> client.post(post(URI.create("http://127.0.0.1:" + this.port + "/h"))))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.REFUSED));
			assertThatExceptionOfType(OutboundException.class)
				.isThrownBy(() -> client.post(post(URI.create("https://127.0.0.1:" + this.port + "/h"))))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.REFUSED));
		}
		assertThat(acceptedConnection()).isFalse();
	}

	@Test
	void checksAnAddressWithoutCallingIt() throws IOException {
		try (RawReceiver outbox = new RawReceiver(RawReceiver.Behaviour.ANSWER);
				OutboundClient client = clients(HostResolver.SYSTEM,
						List.of(URI.create("http://127.0.0.1:" + outbox.port())))
					.guarded(Duration.ofSeconds(5))) {
			client.check(URI.create("http://127.0.0.1:" + outbox.port() + "/outbox"));
			client.check(URI.create("https://hooks.example.com/h"));
			for (String refused : List.of("https://127.0.0.1:" + this.port + "/h", "https://localhost/h",
					"https://[::1]/h", "https://169.254.169.254/latest/meta-data", "http://hooks.example.com/h")) {
				assertThatExceptionOfType(OutboundException.class).as(refused)
					.isThrownBy(() -> client.check(URI.create(refused)))
					.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.REFUSED));
			}
		}
		assertThat(acceptedConnection()).isFalse();
	}

	private boolean acceptedConnection() throws IOException {
		SocketChannel accepted = this.listener.accept();
		if (accepted != null) {
			accepted.close();
			return true;
		}
		return false;
	}

	static OutboundClients clients(HostResolver dns, List<URI> allowedLocal) {
		return new OutboundClients(
				new OutboundSettings(DataSize.ofKilobytes(64), 2, 16, Duration.ofMinutes(1), allowedLocal), dns,
				Clock.systemUTC());
	}

	static OutboundRequest post(URI url) {
		return new OutboundRequest(url, "application/json", "{}".getBytes(), Map.of("X-Test", "1"));
	}

	private static InetAddress[] addresses(String... literals) throws UnknownHostException {
		InetAddress[] addresses = new InetAddress[literals.length];
		for (int i = 0; i < literals.length; i++) {
			addresses[i] = InetAddress.getByName(literals[i]);
		}
		return addresses;
	}

}
