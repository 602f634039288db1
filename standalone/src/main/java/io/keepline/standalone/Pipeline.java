package io.keepline.standalone;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.keepline.ingest.IngestApplication;
import io.keepline.notifier.NotifierApplication;
import io.keepline.payments.PaymentsApplication;
import io.keepline.scheduler.SchedulerApplication;
import io.keepline.standalone.broker.BrokerSettings;
import io.keepline.standalone.broker.KafkaBroker;
import io.keepline.standalone.console.ConsoleApplication;
import io.keepline.standalone.console.ConsoleSettings;
import io.keepline.standalone.seed.SeedLoader;
import io.keepline.standalone.seed.SeedReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole Keepline pipeline in this JVM: the Kafka broker, the local outbox, the four
 * services each in its own Spring context, the console and the seeds. Closing it stops
 * everything in reverse order, the broker last.
 */
public final class Pipeline implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

	private final StandaloneSettings settings;

	private final Deque<AutoCloseable> running = new ArrayDeque<>();

	private KafkaBroker broker;

	private MailOutbox outbox;

	private ServiceProperties properties;

	private SeedReport seedReport;

	private String consoleToken;

	public Pipeline(StandaloneSettings settings) {
		this.settings = settings;
	}

	/** Starts every part and loads the seeds; on failure stops what was started. */
	public Pipeline start() {
		try {
			OperatorNoticeRoutes noticeRoutes = OperatorNoticeRoutes.of(this.settings.secrets(), consoleUrl());
			DataDirectory.prepare(this.settings.dataDir(), this.settings.wipe());
			StandaloneSettings.Ports ports = this.settings.ports();
			this.broker = new KafkaBroker(new BrokerSettings(ports.kafka(), ports.kafkaController(),
					this.settings.dataDir().resolve("kafka")));
			this.broker.start();
			this.running.push(this.broker);
			CatalogueTopics.create(this.broker.bootstrapServers(), this.settings.secrets().operatorKeys());
			String smtpHost;
			int smtpPort;
			if (this.settings.mail() == null) {
				this.outbox = MailOutbox.start(FreePorts.find());
				this.running.push(this.outbox);
				smtpHost = "127.0.0.1";
				smtpPort = this.outbox.port();
			}
			else {
				smtpHost = this.settings.mail().host();
				smtpPort = this.settings.mail().port();
			}
			String linkSecret = (this.settings.secrets().linkSecret() != null) ? this.settings.secrets().linkSecret()
					: SecretFile.readOrCreate(this.settings.dataDir(), SecretFile.LINK_SECRET);
			this.consoleToken = (this.settings.secrets().consoleToken() != null)
					? this.settings.secrets().consoleToken()
					: SecretFile.readOrCreate(this.settings.dataDir(), SecretFile.CONSOLE_TOKEN);
			String adminToken = (this.settings.secrets().adminToken() != null) ? this.settings.secrets().adminToken()
					: SecretFile.readOrCreate(this.settings.dataDir(), SecretFile.ADMIN_TOKEN);
			this.properties = new ServiceProperties(this.settings, this.broker.bootstrapServers(), linkSecret, smtpHost,
					smtpPort, consoleUrl() + ConsoleSettings.SMS_PATH, this.consoleToken, adminToken, noticeRoutes,
					(this.settings.seeds() != null) ? this.settings.seeds().plansFile(this.settings.dataDir()) : null,
					SecretFile.readOrCreate(this.settings.dataDir(), SecretFile.DATA_KEY));
			startApplications(linkSecret);
			loadSeeds();
			return this;
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private void loadSeeds() {
		if (this.settings.seeds() == null) {
			return;
		}
		try {
			this.seedReport = new SeedLoader(this.settings.seeds(), this.settings.dataDir(),
					StandaloneSettings.url(this.settings.ports().ingest()), this.settings.secrets().operatorKeys(),
					consoleUrl())
				.load();
		}
		catch (RuntimeException ex) {
			// Keepline runs without its demo data: say what is wrong and go on.
			log.error("Seeds from {} not loaded: {}", this.settings.seeds(), ex.getMessage());
		}
	}

	/**
	 * Starts the four services and the console, a few at a time: each is mostly
	 * single-threaded start-up work, and they do not depend on each other (the topics
	 * exist already). They are stopped in reverse order, the console first.
	 */
	private void startApplications(String linkSecret) {
		ExecutorService starter = Executors.newFixedThreadPool(3);
		try {
			List<CompletableFuture<ConfigurableApplicationContext>> applications = new ArrayList<>();
			applications.add(launch(starter, IngestApplication.class, this.properties.ingest(), null));
			applications.add(launch(starter, SchedulerApplication.class, this.properties.scheduler(), null));
			applications.add(launch(starter, NotifierApplication.class, this.properties.notifier(), null));
			applications.add(launch(starter, PaymentsApplication.class, this.properties.payments(), null));
			applications.add(launch(starter, ConsoleApplication.class, this.properties.console(),
					ConsoleApplication.initializer(consoleSettings(linkSecret))));
			RuntimeException failure = null;
			for (CompletableFuture<ConfigurableApplicationContext> application : applications) {
				try {
					this.running.push(application.join());
				}
				catch (CompletionException ex) {
					failure = (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
				}
			}
			if (failure != null) {
				throw failure;
			}
		}
		finally {
			starter.shutdown();
		}
	}

	private static CompletableFuture<ConfigurableApplicationContext> launch(ExecutorService starter,
			Class<?> application, Map<String, String> properties,
			ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
		return CompletableFuture.supplyAsync(() -> ServiceLauncher.start(application, properties, initializer),
				starter);
	}

	private ConsoleSettings consoleSettings(String linkSecret) {
		StandaloneSettings.Ports ports = this.settings.ports();
		return new ConsoleSettings(StandaloneSettings.url(ports.ingest()), StandaloneSettings.url(ports.scheduler()),
				StandaloneSettings.url(ports.payments()), linkSecret, this.settings.secrets().operatorKeys(),
				this.settings.secrets().holderWebhookSecret(), this.consoleToken, this.outbox, this.settings.seeds(),
				this.properties.noticeRoutes().webhookSecrets(), this.properties.noticeRoutes().simulated());
	}

	public StandaloneSettings settings() {
		return this.settings;
	}

	public String consoleUrl() {
		return StandaloneSettings.url(this.settings.ports().console());
	}

	public String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/** The local outbox, or null when email goes to a real SMTP server. */
	public MailOutbox outbox() {
		return this.outbox;
	}

	/** What the seed loader did, or null when seeds are off. */
	public SeedReport seedReport() {
		return this.seedReport;
	}

	/**
	 * The token that opens the console ({@code KEEPLINE_CONSOLE_TOKEN}, else generated
	 * once and kept in the data directory).
	 */
	public String consoleToken() {
		return this.consoleToken;
	}

	/** The console's address with its token, which sets the console's cookie. */
	public String consoleLink() {
		return consoleUrl() + "/?token=" + this.consoleToken;
	}

	/** The secret that signs pay and status links. */
	public String linkSecret() {
		return (this.properties != null) ? this.properties.linkSecret() : null;
	}

	/**
	 * The keys ingest signs each operator's notices with ({@code operator=kid:secret,…}),
	 * which the simulated operators verify.
	 */
	public String operatorWebhookSecrets() {
		return (this.properties != null) ? this.properties.noticeRoutes().webhookSecrets() : null;
	}

	@Override
	public void close() {
		while (!this.running.isEmpty()) {
			AutoCloseable part = this.running.pop();
			try {
				part.close();
			}
			catch (Exception ex) {
				log.warn("Error while stopping {}: {}", part, ex.toString());
			}
		}
	}

}
