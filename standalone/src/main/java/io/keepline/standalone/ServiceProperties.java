package io.keepline.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.keepline.support.kafka.CompactionBound;

/**
 * The properties each embedded service runs with in the standalone: its port and its
 * management port, the embedded broker, the demo secrets, its state under the data
 * directory (ingest's line owners, the scheduler's, the notifier's and payments' stores),
 * one Streams thread and small thread pools (the whole pipeline shares one JVM on a
 * laptop).
 *
 * @param bootstrapServers the embedded broker
 * @param linkSecret the secret signing pay and status links
 * @param smtpHost SMTP host the notifier sends to (the local outbox or a real server)
 * @param smtpPort its port
 * @param smsBaseUrl the Twilio-compatible endpoint the notifier sends SMS to
 * @param consoleToken the console's token, which that endpoint (in the console) takes as
 * the Twilio auth token
 * @param adminToken the token that shows and replays dead letters on the management ports
 * @param noticeRoutes where ingest sends each operator's notices, and their keys
 * @param plansFile the seeds' plans, every service's {@code keepline.plans.file} (null
 * without seeds)
 * @param dataKey the data key that wraps the line keys of ingest, the scheduler and
 * payments
 */
record ServiceProperties(StandaloneSettings settings, String bootstrapServers, String linkSecret, String smtpHost,
		int smtpPort, String smsBaseUrl, String consoleToken, String adminToken, OperatorNoticeRoutes noticeRoutes,
		Path plansFile, String dataKey) {

	Map<String, String> ingest() {
		Map<String, String> properties = service("ingest", this.settings.ports().ingest(),
				this.settings.ports().management().ingest());
		properties.put("keepline.operators.keys", this.settings.secrets().operatorKeys());
		properties.put("keepline.ingest.raw.concurrency", "1");
		properties.put("keepline.ingest.notices.webhooks", this.noticeRoutes.webhookSettings());
		properties.put("keepline.ingest.notices.webhook-secrets", this.noticeRoutes.webhookSecrets());
		properties.put("keepline.ingest.export.scheduler-url",
				StandaloneSettings.url(this.settings.ports().scheduler()));
		properties.put("keepline.ingest.export.payments-url", paymentsUrl());
		properties.put("spring.kafka.streams.state-dir", stateDir("ingest"));
		lineKeys(properties);
		return properties;
	}

	Map<String, String> scheduler() {
		Map<String, String> properties = service("scheduler", this.settings.ports().scheduler(),
				this.settings.ports().management().scheduler());
		properties.put("keepline.operators.keys", this.settings.secrets().operatorKeys());
		properties.put("spring.kafka.streams.state-dir", stateDir("scheduler"));
		// One instance: a standby replica of its state would only cost memory.
		properties.put("spring.kafka.streams.properties.num.standby.replicas", "0");
		lineKeys(properties);
		return properties;
	}

	/**
	 * The compaction of {@code keepline.lines.v1} and of every Streams changelog in the
	 * standalone ({@code keepline.compaction.*}): an erased line's values leave their
	 * bytes within 3 minutes of a later write to the partition, as the line keys do, and
	 * their stores' RocksDB files within a minute of the flushed deletion.
	 */
	static final CompactionBound COMPACTION = new CompactionBound(Duration.ofMinutes(1), Duration.ofMinutes(2),
			Duration.ofMinutes(1), 0.5, Duration.ofMinutes(1));

	/**
	 * How long the standalone keeps refused items on {@code keepline.rejected-events.v1}
	 * ({@code keepline.retention.rejected-events}): their payloads carry holder data, and
	 * ingest turns them into operator notices within seconds.
	 */
	static final Duration REJECTED_EVENTS = Duration.ofMinutes(3);

	/**
	 * The data key, and a key topic that forgets a shredded key within 5 minutes, so that
	 * a user can watch an erasure reach the topic's bytes: segments roll after a minute
	 * and are compacted within two, the tombstone kept a minute.
	 */
	private void lineKeys(Map<String, String> properties) {
		properties.put("keepline.line-keys.data-key", this.dataKey);
		properties.put("keepline.line-keys.segment", "1m");
		properties.put("keepline.line-keys.max-compaction-lag", "2m");
		properties.put("keepline.line-keys.delete-retention", "1m");
	}

	Map<String, String> notifier() {
		Map<String, String> properties = service("notifier", this.settings.ports().notifier(),
				this.settings.ports().management().notifier());
		properties.put("keepline.links.secret", this.linkSecret);
		properties.put("keepline.links.base-url", paymentsUrl());
		// holders reach the notifier's one-click unsubscribe on its own port
		properties.put("keepline.notifier.holders.base-url", StandaloneSettings.url(this.settings.ports().notifier()));
		properties.put("keepline.notifier.webhook-secrets", this.settings.secrets().holderWebhookSecret());
		// Holder webhooks may reach the console's outbox, the one local address allowed.
		properties.put("keepline.outbound.allowed-local-origins",
				StandaloneSettings.url(this.settings.ports().console()));
		properties.put("spring.kafka.streams.state-dir", stateDir("notifier"));
		// one scheduler: a holder's reminders due together come out of one punctuation
		properties.put("keepline.notifier.digest.gather-window", "2s");
		// the notifier's own listener threads and send pool
		// (keepline.notifier.smtp-connections)
		properties.remove("spring.kafka.listener.concurrency");
		properties.put("spring.mail.host", this.smtpHost);
		properties.put("spring.mail.port", Integer.toString(this.smtpPort));
		StandaloneSettings.Smtp mail = this.settings.mail();
		if (mail != null && mail.username() != null) {
			properties.put("spring.mail.username", mail.username());
			properties.put("spring.mail.password", (mail.password() != null) ? mail.password() : "");
		}
		if (this.smsBaseUrl != null) {
			properties.put("keepline.notifier.sms.provider", "twilio");
			properties.put("keepline.notifier.sms.base-url", this.smsBaseUrl);
			properties.put("keepline.notifier.sms.account-sid", "ACdemo");
			properties.put("keepline.notifier.sms.auth-token", this.consoleToken);
			properties.put("keepline.notifier.sms.from", "Keepline");
		}
		return properties;
	}

	Map<String, String> payments() {
		Map<String, String> properties = service("payments", this.settings.ports().payments(),
				this.settings.ports().management().payments());
		properties.put("keepline.links.secret", this.linkSecret);
		properties.put("keepline.links.base-url", paymentsUrl());
		// the status page links to the notifier's preference page on its own port
		properties.put("keepline.payments.preference-page.notifier-url",
				StandaloneSettings.url(this.settings.ports().notifier()));
		// a line's export asks payments for the line's data with the operator's key
		properties.put("keepline.operators.keys", this.settings.secrets().operatorKeys());
		properties.put("spring.kafka.streams.state-dir", stateDir("payments"));
		properties.put("keepline.payments.stripe.webhook-secret", this.settings.secrets().webhookSecret());
		lineKeys(properties);
		StandaloneSettings.Stripe stripe = this.settings.stripe();
		if (stripe == null) {
			properties.put("keepline.payments.mode", "sandbox");
		}
		else {
			properties.put("keepline.payments.mode", "stripe");
			properties.put("keepline.payments.stripe.api-key", stripe.apiKey());
			if (stripe.apiBase() != null) {
				properties.put("keepline.payments.stripe.api-base", stripe.apiBase());
			}
		}
		return properties;
	}

	Map<String, String> console() {
		Map<String, String> properties = common("console", this.settings.ports().console());
		properties.put("spring.thymeleaf.prefix", "classpath:/keepline-console/templates/");
		properties.put("springdoc.api-docs.enabled", "false");
		properties.put("springdoc.swagger-ui.enabled", "false");
		return properties;
	}

	/** The public base URL of the payments pages. */
	String paymentsUrl() {
		return StandaloneSettings.url(this.settings.ports().payments());
	}

	private Map<String, String> service(String service, int port, int managementPort) {
		Map<String, String> properties = common(service, port);
		properties.put("management.server.port", Integer.toString(managementPort));
		properties.put("keepline.admin.token", this.adminToken);
		if (this.plansFile != null) {
			properties.put("keepline.plans.file", this.plansFile.toString());
		}
		return properties;
	}

	private Map<String, String> common(String service, int port) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", Integer.toString(port));
		properties.put("server.address", "127.0.0.1");
		properties.put("server.tomcat.threads.max", "16");
		properties.put("server.tomcat.threads.min-spare", "1");
		properties.put("spring.application.name", "keepline-" + service);
		properties.put("spring.kafka.bootstrap-servers", this.bootstrapServers);
		properties.put("spring.kafka.streams.properties.num.stream.threads", "1");
		properties.put("spring.kafka.listener.concurrency", "1");
		properties.put("spring.jmx.enabled", "false");
		properties.put(CompactionBound.PREFIX + ".segment", COMPACTION.segment().toString());
		properties.put(CompactionBound.PREFIX + ".max-compaction-lag", COMPACTION.maxCompactionLag().toString());
		properties.put(CompactionBound.PREFIX + ".delete-retention", COMPACTION.deleteRetention().toString());
		properties.put(CompactionBound.PREFIX + ".min-cleanable-dirty-ratio",
				Double.toString(COMPACTION.minCleanableDirtyRatio()));
		properties.put(CompactionBound.PREFIX + ".state-lag", COMPACTION.stateLag().toString());
		properties.put("keepline.retention.rejected-events", REJECTED_EVENTS.toString());
		return properties;
	}

	@Override
	public String toString() {
		return "ServiceProperties[" + this.bootstrapServers + ", secrets redacted]";
	}

	private String stateDir(String service) {
		return this.settings.dataDir().resolve(Path.of(service)).toString();
	}

}
