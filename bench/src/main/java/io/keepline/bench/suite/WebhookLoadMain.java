package io.keepline.bench.suite;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.keepline.bench.Lines;
import io.keepline.bench.ProgressLine;
import io.keepline.bench.process.ChildJvm;
import io.keepline.bench.service.HttpLoad;

/**
 * The webhooks suite's load generator in a JVM of its own: posts signed
 * {@code payment_intent.succeeded} webhooks to payments with N concurrent senders and
 * answers with their rate and latencies. Arguments: webhook URI, signing secret, the
 * lines' validUntil. Command {@code run <first> <count> <senders>} answers
 * {@code done units=.. failures=.. seconds=.. p50=.. p99=.. max=.. first=<failure>}.
 */
public final class WebhookLoadMain {

	private WebhookLoadMain() {
	}

	public static void main(String[] args) {
		URI uri = URI.create(args[0]);
		String secret = args[1];
		LocalDate validUntil = LocalDate.parse(args[2]);
		Lines lines = new Lines();
		ChildJvm.answer("ready");
		BufferedReader commands = ChildJvm.commands();
		for (Optional<String> command = ChildJvm.nextCommand(commands); command
			.isPresent(); command = ChildJvm.nextCommand(commands)) {
			String[] words = command.get().trim().split(" ");
			try {
				if (!words[0].equals("run") || words.length != 4) {
					throw new IllegalArgumentException("unknown command: " + command.get());
				}
				ChildJvm.answer(run(uri, secret, lines, validUntil, Integer.parseInt(words[1]),
						Integer.parseInt(words[2]), Integer.parseInt(words[3])));
			}
			catch (Exception ex) {
				ChildJvm.answer("error " + ex);
			}
		}
	}

	private static String run(URI uri, String secret, Lines lines, LocalDate validUntil, int first, int count,
			int senders) throws Exception {
		long timestamp = System.currentTimeMillis() / 1000;
		List<HttpLoad.Post> posts = new ArrayList<>(count);
		for (int i = first; i < first + count; i++) {
			posts.add(WebhooksSuite.post(uri, WebhooksSuite.succeeded(lines, i, validUntil), secret, timestamp));
		}
		HttpLoad.Outcome outcome;
		try (ProgressLine progress = new ProgressLine("webhooks", count,
				new PrintStream(OutputStream.nullOutputStream()), false)) {
			outcome = new HttpLoad(senders).run(posts, WebhookLoadMain::published, progress);
		}
		return String.format(Locale.ROOT, "done units=%d failures=%d seconds=%.6f p50=%.3f p99=%.3f max=%.3f first=%s",
				outcome.units(), outcome.failures(), outcome.seconds(), outcome.latency().millis(50),
				outcome.latency().millis(99), outcome.latency().millis(100),
				String.valueOf(outcome.firstFailure()).replace('\n', ' '));
	}

	private static int published(HttpResponse<String> response) {
		return (response.statusCode() == 200 && response.body().contains("published")) ? 1 : -1;
	}

}
