package io.keepline.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.keepline.ingest.IngestApplication;
import io.keepline.ingest.ownership.OwnershipView;
import io.keepline.notifier.NotifierApplication;
import io.keepline.payments.PaymentsApplication;
import io.keepline.scheduler.SchedulerApplication;
import io.keepline.standalone.ServiceLauncher;
import io.keepline.testsupport.Unique;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/**
 * One Keepline service running in this JVM in its own Spring context, started exactly as
 * the standalone starts it (its own {@code application.yml}, the given properties winning
 * over it), on a free port. Every start gets its own consumer group, Streams application
 * id and state directory, so scenarios sharing the test broker never share offsets or
 * state.
 */
public final class ServiceRun implements AutoCloseable {

	/** Operator keys every scenario's ingest and scheduler accept. */
	public static final String OPERATOR_KEYS = "orange=reliability-orange-key,proximus=reliability-proximus-key,"
			+ "base=reliability-base-key";

	/** Signs pay and status links (notifier and payments must share it). */
	public static final String LINK_SECRET = "reliability-link-secret-0123456789abcdef";

	/** The data key of ingest and the scheduler: 32 bytes, base64. */
	public static final String DATA_KEY = "cmVsaWFiaWxpdHktZGF0YS1rZXktMDEyMzQ1Njc4OWE=";

	/** Stripe's webhook endpoint secret in payments. */
	public static final String STRIPE_WEBHOOK_SECRET = "whsec_reliability";

	/** Signs the webhooks the notifier sends to holders. */
	public static final String HOLDER_WEBHOOK_SECRET = "reliability-holder-webhook-secret";

	/** Every operator of the scenarios and its webhook key (id {@code r1}). */
	public static final String HOLDER_WEBHOOK_SECRETS = "orange=r1:" + HOLDER_WEBHOOK_SECRET + ",proximus=r1:"
			+ HOLDER_WEBHOOK_SECRET + "-proximus,base=r1:" + HOLDER_WEBHOOK_SECRET + "-base";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** How long ingest may take to read line-events at start-up on a loaded machine. */
	private static final Duration INGEST_READY = Duration.ofSeconds(90);

	static {
		// As in the standalone: one logging configuration (logback-test.xml) for every
		// context, instead of each context resetting it.
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
	}

	private final String name;

	private final ConfigurableApplicationContext context;

	private final int port;

	/** A directory this run created and removes on close, or null. */
	private final Path temporary;

	private ServiceRun(String name, ConfigurableApplicationContext context) {
		this(name, context, null);
	}

	private ServiceRun(String name, ConfigurableApplicationContext context, Path temporary) {
		this.name = name;
		this.context = context;
		this.temporary = temporary;
		this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * The ingest service on {@code bootstrapServers}, keeping its line owners in a
	 * temporary directory removed on close. Returns once ingest has read who owns which
	 * line: until then it refuses every event with 503.
	 */
	public static ServiceRun ingest(String bootstrapServers, Map<String, String> overrides) {
		Path stateDir = temporaryDirectory("keepline-reliability-ingest");
		Map<String, String> properties = common("ingest", bootstrapServers);
		properties.put("keepline.operators.keys", OPERATOR_KEYS);
		properties.put("keepline.ingest.raw.group-id", Unique.name("ingest-raw"));
		properties.put("keepline.ingest.raw.concurrency", "1");
		properties.put("keepline.line-keys.data-key", DATA_KEY);
		properties.put("spring.kafka.streams.state-dir", stateDir.toString());
		properties.putAll(overrides);
		ServiceRun ingest = new ServiceRun("ingest", ServiceLauncher.start(IngestApplication.class, properties, null),
				stateDir);
		await("ingest's line owners").atMost(INGEST_READY).until(() -> ingest.bean(OwnershipView.class).ready());
		return ingest;
	}

	/** A scheduler instance keeping its Streams state under {@code stateDir}. */
	public static ServiceRun scheduler(String bootstrapServers, Path stateDir, Map<String, String> overrides) {
		return scheduler(bootstrapServers, stateDir, overrides, null);
	}

	/**
	 * A scheduler instance as above, with {@code initializer} applied to its context
	 * before it is refreshed (to give it another {@code Clock}, say); null for none.
	 */
	public static ServiceRun scheduler(String bootstrapServers, Path stateDir, Map<String, String> overrides,
			ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
		Map<String, String> properties = common("scheduler", bootstrapServers);
		properties.put("keepline.operators.keys", OPERATOR_KEYS);
		properties.put("spring.kafka.streams.application-id", Unique.name("scheduler"));
		properties.put("keepline.line-keys.data-key", DATA_KEY);
		properties.put("spring.kafka.streams.state-dir", stateDir.toString());
		properties.put("spring.kafka.streams.properties.num.standby.replicas", "0");
		return start(SchedulerApplication.class, "scheduler", properties, overrides, initializer);
	}

	/**
	 * The notifier, sending email to the SMTP server at {@code smtpHost:smtpPort}; it
	 * sends only for lines whose record it has read ({@link LineRecords}).
	 */
	public static ServiceRun notifier(String bootstrapServers, String smtpHost, int smtpPort,
			Map<String, String> overrides) {
		return notifier(bootstrapServers, smtpHost, smtpPort, overrides, null);
	}

	/**
	 * The notifier as above, with {@code initializer} applied to its context before it is
	 * refreshed (to give it another {@code Clock}, say); null for none.
	 */
	public static ServiceRun notifier(String bootstrapServers, String smtpHost, int smtpPort,
			Map<String, String> overrides, ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
		Map<String, String> properties = common("notifier", bootstrapServers);
		properties.put("keepline.links.secret", LINK_SECRET);
		properties.put("keepline.notifier.webhook-secrets", HOLDER_WEBHOOK_SECRETS);
		properties.put("keepline.notifier.group-id", Unique.name("notifier"));
		properties.put("spring.kafka.listener.concurrency", "1");
		// digests gather a holder's reminders as briefly as the standalone's (2 s, not
		// the
		// production 10 s): the scenarios count emails, they do not time the gathering
		properties.put("keepline.notifier.digest.gather-window", "2s");
		properties.put("spring.mail.host", smtpHost);
		properties.put("spring.mail.port", Integer.toString(smtpPort));
		// the table of line records and the sent-log, deleted with the run
		Path stateDir = temporaryDirectory("keepline-reliability-notifier");
		properties.put("spring.kafka.streams.state-dir", stateDir.toString());
		properties.putAll(overrides);
		return new ServiceRun("notifier", ServiceLauncher.start(NotifierApplication.class, properties, initializer),
				stateDir);
	}

	/**
	 * Payments keeping its Streams state under {@code stateDir}; give it
	 * {@code keepline.payments.mode=sandbox} or a Stripe API key and base in
	 * {@code overrides}.
	 */
	public static ServiceRun payments(String bootstrapServers, Path stateDir, Map<String, String> overrides) {
		return payments(bootstrapServers, stateDir, overrides, null);
	}

	/**
	 * Payments as above, with {@code initializer} applied to its context before it is
	 * refreshed (to give it another {@code Clock}, say); null for none.
	 */
	public static ServiceRun payments(String bootstrapServers, Path stateDir, Map<String, String> overrides,
			ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
		Map<String, String> properties = common("payments", bootstrapServers);
		properties.put("keepline.links.secret", LINK_SECRET);
		properties.put("keepline.payments.stripe.webhook-secret", STRIPE_WEBHOOK_SECRET);
		properties.put("spring.kafka.streams.state-dir", stateDir.toString());
		properties.put("spring.kafka.streams.application-id", Unique.name("payments") + "-view");
		properties.put("keepline.payments.group-id", Unique.name("payments"));
		properties.put("keepline.line-keys.data-key", DATA_KEY);
		return start(PaymentsApplication.class, "payments", properties, overrides, initializer);
	}

	/**
	 * Starts services side by side, as the standalone does (each start-up is mostly
	 * single-threaded and they do not depend on each other); if one fails, closes the
	 * others and rethrows.
	 * @return the running services, in the order of {@code starts}
	 */
	public static List<ServiceRun> together(List<Supplier<ServiceRun>> starts) {
		ExecutorService starter = Executors.newFixedThreadPool(starts.size());
		try {
			List<CompletableFuture<ServiceRun>> runs = starts.stream()
				.map((start) -> CompletableFuture.supplyAsync(start, starter))
				.toList();
			try {
				CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
			}
			catch (CompletionException ex) {
				runs.stream()
					.filter((run) -> !run.isCompletedExceptionally())
					.map(CompletableFuture::join)
					.forEach(ServiceRun::close);
				throw ex;
			}
			return runs.stream().map(CompletableFuture::join).toList();
		}
		finally {
			starter.shutdown();
		}
	}

	private static Map<String, String> common(String service, String bootstrapServers) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("management.server.port", "0");
		properties.put("spring.application.name", "keepline-" + service);
		properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
		properties.put("spring.kafka.streams.properties.num.stream.threads", "1");
		properties.put("spring.jmx.enabled", "false");
		return properties;
	}

	private static Path temporaryDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ServiceRun start(Class<?> application, String name, Map<String, String> properties,
			Map<String, String> overrides) {
		return start(application, name, properties, overrides, null);
	}

	private static ServiceRun start(Class<?> application, String name, Map<String, String> properties,
			Map<String, String> overrides, ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
		properties.putAll(overrides);
		return new ServiceRun(name, ServiceLauncher.start(application, properties, initializer));
	}

	/** The port the service's web server listens on. */
	public int port() {
		return this.port;
	}

	/** The absolute URL of {@code path} on this service. */
	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** A bean of the service's context, for scenarios that inspect or drive internals. */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** Every bean of {@code type} in the service's context, by name (none: empty). */
	public <T> Map<String, T> beans(Class<T> type) {
		return this.context.getBeansOfType(type);
	}

	/** The port the service's management server (actuator) listens on. */
	public int managementPort() {
		return Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.management.port"));
	}

	/** The absolute URL of {@code path} on this service's management port. */
	public URI managementUrl(String path) {
		return URI.create("http://127.0.0.1:" + managementPort() + path);
	}

	/**
	 * Whether {@code /actuator/health} on the management port answers 200 with status UP.
	 */
	public boolean healthy() {
		return healthy(managementUrl("/actuator/health"));
	}

	/**
	 * Whether the health endpoint at {@code health} answers 200 with status UP: for
	 * services this class did not start, such as one in another JVM.
	 */
	public static boolean healthy(URI health) {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * A GET of {@code path} on this service (a health group, say), answered within 5
	 * seconds.
	 * @param headers header names and values, in pairs
	 */
	public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(5));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A GET of {@code path} on this service's management port, answered within 5 seconds.
	 */
	public HttpResponse<String> getManagement(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(managementUrl(path)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		this.context.close();
		if (this.temporary != null) {
			FileSystemUtils.deleteRecursively(this.temporary.toFile());
		}
	}

	@Override
	public String toString() {
		return this.name + " on port " + this.port;
	}

}
