package io.keepline.reliability.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.keepline.payments.sandbox.StripeSignature;
import io.keepline.reliability.payments.WebhookDelivery.Forgery;

/**
 * Sends webhook deliveries to payments from several concurrent senders, each signed the
 * moment it leaves as Stripe signs it (or made bad as its {@link Forgery} says). A 503 is
 * sent again in the next round, as Stripe retries it; every answer is recorded.
 */
final class WebhookSender implements AutoCloseable {

	/** The last answer to a delivery, after {@code unavailable} 503s. */
	record Result(WebhookDelivery delivery, int status, int unavailable) {
	}

	private static final int ROUNDS = 10;

	private final URI endpoint;

	private final String secret;

	private final ExecutorService senders;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	WebhookSender(URI endpoint, String secret, int senders) {
		this.endpoint = endpoint;
		this.secret = secret;
		this.senders = Executors.newFixedThreadPool(senders);
	}

	/** Sends every delivery, retrying 503s, and returns once each has a final answer. */
	List<Result> deliver(List<WebhookDelivery> deliveries) throws InterruptedException, ExecutionException {
		List<Result> results = new ArrayList<>();
		List<Result> pending = deliveries.stream().map((delivery) -> new Result(delivery, 0, 0)).toList();
		for (int round = 0; round < ROUNDS && !pending.isEmpty(); round++) {
			List<Callable<Result>> sends = pending.stream().map((p) -> (Callable<Result>) () -> send(p)).toList();
			List<Result> retry = new ArrayList<>();
			for (Future<Result> sent : this.senders.invokeAll(sends)) {
				Result result = sent.get();
				(result.status() == 503 ? retry : results).add(result);
			}
			pending = retry;
		}
		results.addAll(pending);
		return results;
	}

	private Result send(Result previous) throws IOException, InterruptedException {
		StripeEvent event = previous.delivery().event();
		Instant now = Instant.now();
		String body = event.payload();
		String signature = switch (previous.delivery().forgery()) {
			case NONE -> StripeSignature.header(this.secret, now, body);
			case STALE -> StripeSignature.header(this.secret, now.minus(Duration.ofMinutes(6)), body);
			case WRONG_SECRET -> StripeSignature.header("whsec_another_endpoint", now, body);
			case TAMPERED -> {
				String signed = StripeSignature.header(this.secret, now, body);
				body = body.replace(event.msisdn().value(), "+32470000000");
				yield signed;
			}
		};
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Stripe-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		return new Result(previous.delivery(), status, previous.unavailable() + ((status == 503) ? 1 : 0));
	}

	@Override
	public void close() {
		this.senders.shutdownNow();
	}

}
