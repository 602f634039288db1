package io.keepline.reliability.abuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.reliability.ServiceRun;
import io.keepline.standalone.FreePorts;
import io.keepline.standalone.MailOutbox;
import io.keepline.testsupport.KafkaCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

/**
 * The four services on the shared broker as separate deployments run them: payments in
 * Stripe mode, with stripe-java talking HTTP to a stub that answers like Stripe, and the
 * notifier sending email to a real SMTP server.
 */
public final class Services implements AutoCloseable {

	/** Where the stub's Checkout Sessions send the holder. */
	static final String CHECKOUT_URL = "https://checkout.stripe.test/c/pay/cs_test_abuse";

	private static final Logger log = LoggerFactory.getLogger(Services.class);

	private final List<AutoCloseable> parts = new ArrayList<>();

	private final KafkaCluster cluster;

	private final Path stateDir;

	private WireMockServer stripe;

	private MailOutbox smtp;

	private ServiceRun ingest;

	private ServiceRun scheduler;

	private ServiceRun notifier;

	private ServiceRun payments;

	private Services(KafkaCluster cluster, Path stateDir) {
		this.cluster = cluster;
		this.stateDir = stateDir;
	}

	static Services start(KafkaCluster cluster) {
		cluster.createTopics(Topics.all().toArray(Topic<?, ?>[]::new));
		Services services;
		try {
			services = new Services(cluster, Files.createTempDirectory("keepline-abuse"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			services.startAll();
			return services;
		}
		catch (RuntimeException ex) {
			services.close();
			throw ex;
		}
	}

	private void startAll() {
		this.stripe = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
		this.stripe.start();
		this.parts.add(this.stripe::stop);
		this.stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson("""
				{"id": "cs_test_abuse", "object": "checkout.session", "mode": "payment", "status": "open",
				 "url": "%s"}""".formatted(CHECKOUT_URL))));
		this.stripe.stubFor(get(urlPathEqualTo("/v1/events"))
			.willReturn(okJson("{\"object\": \"list\", \"data\": [], \"has_more\": false, \"url\": \"/v1/events\"}")));
		this.smtp = MailOutbox.start(FreePorts.find());
		this.parts.add(this.smtp);
		String kafka = this.cluster.bootstrapServers();
		ExecutorService starter = Executors.newFixedThreadPool(2);
		try {
			CompletableFuture<ServiceRun> ingest = launch(starter, () -> ServiceRun.ingest(kafka, Map.of()));
			CompletableFuture<ServiceRun> scheduler = launch(starter,
					() -> ServiceRun.scheduler(kafka, this.stateDir.resolve("scheduler"), Map.of()));
			CompletableFuture<ServiceRun> notifier = launch(starter,
					() -> ServiceRun.notifier(kafka, "127.0.0.1", this.smtp.port(), Map.of()));
			CompletableFuture<ServiceRun> payments = launch(starter,
					() -> ServiceRun.payments(kafka, this.stateDir.resolve("payments"),
							Map.of("keepline.payments.mode", "stripe", "keepline.payments.stripe.api-key",
									"sk_test_abuse", "keepline.payments.stripe.api-base", this.stripe.baseUrl(),
									"keepline.payments.stripe.max-network-retries", "0",
									"keepline.payments.reconcile-interval", "PT1H")));
			this.ingest = join(ingest);
			this.scheduler = join(scheduler);
			this.notifier = join(notifier);
			this.payments = join(payments);
		}
		finally {
			starter.shutdown();
		}
		await("all four services healthy").atMost(Duration.ofSeconds(60))
			.until(() -> all().stream().allMatch(ServiceRun::healthy));
	}

	private static CompletableFuture<ServiceRun> launch(ExecutorService starter, Supplier<ServiceRun> start) {
		return CompletableFuture.supplyAsync(start, starter);
	}

	private ServiceRun join(CompletableFuture<ServiceRun> start) {
		try {
			ServiceRun run = start.join();
			this.parts.add(run);
			return run;
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	ServiceRun ingest() {
		return this.ingest;
	}

	ServiceRun scheduler() {
		return this.scheduler;
	}

	ServiceRun notifier() {
		return this.notifier;
	}

	ServiceRun payments() {
		return this.payments;
	}

	List<ServiceRun> all() {
		return List.of(this.ingest, this.scheduler, this.notifier, this.payments);
	}

	/** The SMTP server the notifier sends to. */
	MailOutbox smtp() {
		return this.smtp;
	}

	/**
	 * How many POST requests (anything that creates something) reached the Stripe stub.
	 */
	int stripeWrites() {
		return this.stripe.findAll(postRequestedFor(anyUrl())).size();
	}

	@Override
	public void close() {
		for (int i = this.parts.size() - 1; i >= 0; i--) {
			try {
				this.parts.get(i).close();
			}
			catch (Exception ex) {
				// Stopping what is left matters more than why one part failed to stop.
				log.warn("Could not stop a part of the abuse scenarios' services: {}", ex.toString());
			}
		}
		FileSystemUtils.deleteRecursively(this.stateDir.toFile());
	}

}
