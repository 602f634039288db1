package io.keepline.bench.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

import io.keepline.bench.Percentiles;
import io.keepline.bench.ProgressLine;

/**
 * Posts prepared request bodies from a few concurrent senders with the JDK HTTP client
 * and records each request's latency; {@code units} says how many units of work (events,
 * webhooks) a successful response stands for.
 */
public final class HttpLoad {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int senders;

	public HttpLoad(int senders) {
		this.senders = senders;
	}

	/** One prepared request: body and headers, posted to {@code uri}. */
	public record Post(URI uri, byte[] body, String... headers) {

		HttpRequest request() {
			return HttpRequest.newBuilder(this.uri)
				.timeout(Duration.ofSeconds(60))
				.headers(this.headers)
				.POST(HttpRequest.BodyPublishers.ofByteArray(this.body))
				.build();
		}

	}

	/** What a load run did. */
	public record Outcome(long units, int failures, String firstFailure, double seconds, Percentiles latency) {

		public double rate() {
			return this.units / this.seconds;
		}

	}

	/** Sends one request and returns its status and body. */
	public HttpResponse<String> send(Post post) throws IOException, InterruptedException {
		return this.client.send(post.request(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts every request, {@code senders} at a time, and times the whole. */
	public Outcome run(List<Post> posts, ToIntFunction<HttpResponse<String>> units, ProgressLine progress)
			throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		Percentiles latency = new Percentiles(posts.size());
		String[] firstFailure = new String[1];
		long[] done = new long[this.senders];
		ExecutorService pool = Executors.newFixedThreadPool(this.senders);
		try {
			long start = System.nanoTime();
			Future<?>[] workers = new Future<?>[this.senders];
			for (int s = 0; s < this.senders; s++) {
				int sender = s;
				workers[s] = pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < posts.size(); i = next.getAndIncrement()) {
						long sent = System.nanoTime();
						HttpResponse<String> response = send(posts.get(i));
						latency.add(System.nanoTime() - sent);
						int count = units.applyAsInt(response);
						if (count < 0) {
							if (failures.getAndIncrement() == 0) {
								firstFailure[0] = response.statusCode() + " " + abbreviate(response.body());
							}
						}
						else {
							done[sender] += count;
							progress.advance(count);
						}
					}
					return null;
				});
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long total = 0;
			for (long d : done) {
				total += d;
			}
			return new Outcome(total, failures.get(), firstFailure[0], seconds, latency);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String abbreviate(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
	}

}
