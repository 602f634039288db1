package io.keepline.standalone.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The console's client of the scheduler's read API against a real HTTP server standing in
 * for the scheduler: the operator's key, the deadlines, and a clear message for each way
 * it can fail to answer. The real scheduler is asked in ConsoleLinesTest.
 */
class SchedulerViewTest {

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicReference<String> authorization = new AtomicReference<>();

	private HttpServer server;

	@AfterEach
	void stop() {
		this.release.countDown();
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void asksAsTheLinesOperatorAndListsTheNextDeadlinesSoonestFirstInTheHoldersTime() throws IOException {
		serve(200,
				"""
						{"msisdn":"+32470000001","operator":"orange","state":"WATCHED","validUntil":"2026-05-01",
						 "nextDeadlines":[{"kind":"LAPSE","stage":0,"dueAt":"2026-05-01T22:00:00Z","trigger":null},
						                  {"kind":"REMINDER","stage":7,"dueAt":"2026-04-24T08:00:00Z","trigger":"SCHEDULED"}]}""");

		SchedulerAnswer answer = view().line(line());

		assertThat(this.authorization.get()).isEqualTo("Bearer demo-orange-key");
		assertThat(answer.answered()).isTrue();
		assertThat(answer.state()).isEqualTo("WATCHED");
		assertThat(answer.nextDeadlines()).extracting(SchedulerAnswer.Deadline::what, SchedulerAnswer.Deadline::local)
			.containsExactly(tuple("reminder D-7", "2026-04-24 10:00 Europe/Brussels"),
					tuple("lapse", "2026-05-02 00:00 Europe/Brussels"));
	}

	@Test
	void saysTheSchedulerRefusedTheKey() throws IOException {
		serve(401, "{\"status\":401,\"detail\":\"missing or unknown operator key\"}");

		assertThat(view().line(line()).problem())
			.isEqualTo("The scheduler refused operator orange's key (401: missing or unknown operator key).");
	}

	@Test
	void givesUpAfterItsTimeoutWhenTheSchedulerDoesNotAnswer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		this.server.start();

		long started = System.nanoTime();
		SchedulerAnswer answer = view().line(line());

		assertThat(answer.problem()).isEqualTo("The scheduler did not answer within 2 s.");
		assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(2000);
	}

	@Test
	void saysItHasNoKeyForAnOperatorWithoutOne() {
		SchedulerAnswer answer = new SchedulerView(settings("http://127.0.0.1:9", "orange=sha256:ab12")).line(line());

		assertThat(answer.problem()).startsWith("The console has no key for operator orange");
	}

	@Test
	void saysTheSchedulerCannotBeReached() throws IOException {
		serve(200, "{}");
		int port = this.server.getAddress().getPort();
		this.server.stop(0);
		this.server = null;

		assertThat(new SchedulerView(settings("http://127.0.0.1:" + port, "orange=demo-orange-key")).line(line())
			.problem()).isEqualTo("The scheduler cannot be reached at http://127.0.0.1:" + port + ".");
	}

	private void serve(int status, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/v1/lines/", (exchange) -> {
			this.authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	private SchedulerView view() {
		return new SchedulerView(settings("http://127.0.0.1:" + this.server.getAddress().getPort(),
				"orange=demo-orange-key,base=demo-base-key"));
	}

	private static ConsoleSettings settings(String schedulerUrl, String keys) {
		return new ConsoleSettings("http://127.0.0.1:9", schedulerUrl, "http://127.0.0.1:9", "l".repeat(32), keys,
				"webhook-secret", "t".repeat(32), null, null, null, null);
	}

	private static LineRecord line() {
		return EventLogTest.record("+32470000001", LocalDate.of(2026, 5, 1), CycleState.OPEN);
	}

}
