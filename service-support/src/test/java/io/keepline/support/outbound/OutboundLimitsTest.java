package io.keepline.support.outbound;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.keepline.support.outbound.OutboundException.Reason;
import io.keepline.support.outbound.RawReceiver.Behaviour;
import org.junit.jupiter.api.Test;

import static io.keepline.support.outbound.GuardedClientTest.clients;
import static io.keepline.support.outbound.GuardedClientTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The limits every outbound client keeps, against real receivers that misbehave: one
 * deadline for the whole exchange, a response-size cap, no redirects, a limit of calls in
 * flight per host and a cool-down after a host ran out of time.
 */
class OutboundLimitsTest {

	private static final Duration DEADLINE = Duration.ofMillis(700);

	@Test
	void cutsABodyDrippedOneByteAtATimeAtTheDeadline() throws IOException {
		try (RawReceiver receiver = new RawReceiver(Behaviour.DRIP_BODY);
				OutboundClient client = clients(HostResolver.SYSTEM, List.of()).trusted(DEADLINE)) {
			long started = System.nanoTime();
			OutboundException failed = catchThrowableOfType(OutboundException.class,
					() -> client.post(post(url(receiver))));
			assertThat(failed.reason()).isEqualTo(Reason.DEADLINE);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.multipliedBy(4));
			assertThat(receiver.connections()).isEqualTo(1);
		}
	}

	@Test
	void takesTheStatusWithoutWaitingForADrippedBody() throws IOException {
		try (RawReceiver receiver = new RawReceiver(Behaviour.DRIP_BODY);
				OutboundClient client = clients(HostResolver.SYSTEM, List.of()).trusted(DEADLINE)) {
			assertThat(client.postForStatus(post(url(receiver)))).isEqualTo(200);
		}
	}

	@Test
	void cutsHeadersDrippedOneByteAtATimeAtTheDeadline() throws IOException {
		try (RawReceiver receiver = new RawReceiver(Behaviour.DRIP_HEADERS);
				OutboundClient client = clients(HostResolver.SYSTEM, List.of()).trusted(DEADLINE)) {
			OutboundException failed = catchThrowableOfType(OutboundException.class,
					() -> client.postForStatus(post(url(receiver))));
			assertThat(failed.reason()).isEqualTo(Reason.DEADLINE);
		}
	}

	@Test
	void refusesAnAnswerLargerThanTheCap() throws IOException {
		try (RawReceiver receiver = new RawReceiver(Behaviour.HUGE_BODY);
				OutboundClient client = clients(HostResolver.SYSTEM, List.of()).trusted(Duration.ofSeconds(5))) {
			OutboundException failed = catchThrowableOfType(OutboundException.class,
					() -> client.post(post(url(receiver))));
			assertThat(failed.reason()).isEqualTo(Reason.TOO_LARGE);
		}
	}

	@Test
	void doesNotFollowRedirects() throws IOException {
		try (RawReceiver receiver = new RawReceiver(Behaviour.REDIRECT);
				OutboundClient client = clients(HostResolver.SYSTEM, List.of()).trusted(Duration.ofSeconds(5))) {
			assertThat(client.post(post(url(receiver))).status()).isEqualTo(302);
			assertThat(receiver.connections()).isEqualTo(1);
		}
	}

	@Test
	void failsAtOnceWhenTheHostIsAtItsLimitAndWhileItCoolsDown() throws IOException {
		try (RawReceiver blackhole = new RawReceiver(Behaviour.BLACKHOLE);
				OutboundClient client = clients(HostResolver.SYSTEM, List.of(url(blackhole).resolve("/")))
					.guarded(Duration.ofSeconds(3))) {
			List<CompletableFuture<Integer>> held = List.of(
					CompletableFuture.supplyAsync(() -> client.postForStatus(post(url(blackhole)))),
					CompletableFuture.supplyAsync(() -> client.postForStatus(post(url(blackhole)))));
			await().until(blackhole::connections, (n) -> n == 2);
			long started = System.nanoTime();
			OutboundException busy = catchThrowableOfType(OutboundException.class,
					() -> client.postForStatus(post(url(blackhole))));
			assertThat(busy.reason()).isEqualTo(Reason.BUSY);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
			assertThat(held).allSatisfy((call) -> assertThat(catchThrowableOfType(Exception.class, call::join))
				.hasCauseInstanceOf(OutboundException.class));
			OutboundException coolingDown = catchThrowableOfType(OutboundException.class,
					() -> client.postForStatus(post(url(blackhole))));
			assertThat(coolingDown.reason()).isEqualTo(Reason.BUSY);
			assertThat(blackhole.connections()).isEqualTo(2);
		}
	}

	@Test
	void keepsCallingAConfiguredProviderAfterASlowAnswer() throws IOException {
		try (RawReceiver slow = new RawReceiver(Behaviour.DRIP_HEADERS);
				OutboundClient client = clients(HostResolver.SYSTEM, List.of()).trusted(DEADLINE)) {
			for (int call = 1; call <= 3; call++) {
				OutboundException failed = catchThrowableOfType(OutboundException.class,
						() -> client.postForStatus(post(url(slow))));
				assertThat(failed.reason()).isEqualTo(Reason.DEADLINE);
			}
			assertThat(slow.connections()).isEqualTo(3);
		}
	}

	private static URI url(RawReceiver receiver) {
		return URI.create("http://127.0.0.1:" + receiver.port() + "/hook");
	}

}
