package io.keepline.ingest;

import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.ownership.OwnershipSettings;
import io.keepline.ingest.ownership.OwnershipView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says once, at start-up, where ingest listens, for which operators, whether the
 * Kafka-native path runs, and whether line owners are known yet (events are refused until
 * they are).
 */
@Component
class StartupLog implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

	private final IngestSettings settings;

	private final OperatorKeys keys;

	private final OwnershipSettings ownership;

	private final OwnershipView owners;

	private final Environment environment;

	StartupLog(IngestSettings settings, OperatorKeys keys, OwnershipSettings ownership, OwnershipView owners,
			Environment environment) {
		this.settings = settings;
		this.keys = keys;
		this.ownership = ownership;
		this.owners = owners;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String rawPath = this.settings.raw().enabled()
				? "consuming " + Topics.OPERATOR_EVENTS_RAW.name() + " as " + this.settings.raw().groupId() : "off";
		String owners = this.owners.ready() ? "ready" : "catching up with " + Topics.LINE_EVENTS.name() + " into "
				+ this.ownership.stateDir().toAbsolutePath() + ", events refused (503) until then";
		log.info(
				"Keepline ingest listening on port {} (POST /v1/line-events, /v1/line-events/csv) for operators {};"
						+ " Kafka {}; Kafka-native path {}; line owners {}",
				event.getWebServer().getPort(), this.keys.operators(),
				this.environment.getProperty("spring.kafka.bootstrap-servers"), rawPath, owners);
	}

}
