package io.keepline.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.keepline.ingest.IngestApplication;
import io.keepline.notifier.NotifierApplication;
import io.keepline.payments.PaymentsApplication;
import io.keepline.scheduler.SchedulerApplication;
import io.keepline.standalone.ServiceLauncher;
import io.keepline.testsupport.Unique;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

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

	/** Stripe's webhook endpoint secret in payments. */
	public static final String STRIPE_WEBHOOK_SECRET = "whsec_reliability";

	/** Signs the webhooks the notifier sends to holders. */
	public static final String HOLDER_WEBHOOK_SECRET = "reliability-holder-webhook-secret";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static {
		// As in the standalone: one logging configuration (logback-test.xml) for every
		// context, instead of each context resetting it.
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
	}

	private final String name;

	private final ConfigurableApplicationContext context;

	private final int port;

	private ServiceRun(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
		this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** The ingest service on {@code bootstrapServers}. */
	public static ServiceRun ingest(String bootstrapServers, Map<String, String> overrides) {
		Map<String, String> properties = common("ingest", bootstrapServers);
		properties.put("keepline.operators.keys", OPERATOR_KEYS);
		properties.put("keepline.ingest.raw.group-id", Unique.name("ingest-raw"));
		properties.put("keepline.ingest.raw.concurrency", "1");
		return start(IngestApplication.class, "ingest", properties, overrides);
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
		properties.put("keepline.scheduler.application-id", Unique.name("scheduler"));
		properties.put("keepline.scheduler.state-dir", stateDir.toString());
		properties.put("keepline.scheduler.standby-replicas", "0");
		return start(SchedulerApplication.class, "scheduler", properties, overrides, initializer);
	}

	/** The notifier, sending email to the SMTP server at {@code smtpHost:smtpPort}. */
	public static ServiceRun notifier(String bootstrapServers, String smtpHost, int smtpPort,
			Map<String, String> overrides) {
		Map<String, String> properties = common("notifier", bootstrapServers);
		properties.put("keepline.links.secret", LINK_SECRET);
		properties.put("keepline.notifier.webhook-secret", HOLDER_WEBHOOK_SECRET);
		properties.put("keepline.notifier.group-id", Unique.name("notifier"));
		properties.put("keepline.notifier.concurrency", "1");
		properties.put("spring.mail.host", smtpHost);
		properties.put("spring.mail.port", Integer.toString(smtpPort));
		return start(NotifierApplication.class, "notifier", properties, overrides);
	}

	/**
	 * Payments keeping its Streams state under {@code stateDir}; give it
	 * {@code keepline.payments.mode=sandbox} or a Stripe API key and base in
	 * {@code overrides}.
	 */
	public static ServiceRun payments(String bootstrapServers, Path stateDir, Map<String, String> overrides) {
		Map<String, String> properties = common("payments", bootstrapServers);
		properties.put("keepline.links.secret", LINK_SECRET);
		properties.put("keepline.payments.stripe.webhook-secret", STRIPE_WEBHOOK_SECRET);
		properties.put("keepline.payments.state-dir", stateDir.toString());
		properties.put("keepline.payments.application-id", Unique.name("payments"));
		properties.put("keepline.payments.group-id", Unique.name("payments"));
		return start(PaymentsApplication.class, "payments", properties, overrides);
	}

	private static Map<String, String> common(String service, String bootstrapServers) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("spring.application.name", "keepline-" + service);
		properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
		properties.put("spring.kafka.streams.properties.num.stream.threads", "1");
		properties.put("spring.jmx.enabled", "false");
		return properties;
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

	/** Whether {@code /actuator/health} answers 200 with status UP. */
	public boolean healthy() {
		return healthy(url("/actuator/health"));
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

	@Override
	public void close() {
		this.context.close();
	}

	@Override
	public String toString() {
		return this.name + " on port " + this.port;
	}

}
