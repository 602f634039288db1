package io.keepline.scheduler.streams;

import java.util.Properties;

import io.keepline.scheduler.SchedulerSettings;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Says once, at start-up, where the scheduler listens and how its engine runs. */
@Component
class StartupLog {

	private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

	private final SchedulerSettings settings;

	private final StreamsBuilderFactoryBean factory;

	private final Environment environment;

	StartupLog(SchedulerSettings settings, StreamsBuilderFactoryBean factory, Environment environment) {
		this.settings = settings;
		this.factory = factory;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		Properties streams = this.factory.getStreamsConfiguration();
		log.info(
				"Keepline scheduler listening on port {}: Kafka {}, application id {}, {}, state in {}, {} standby "
						+ "replica(s), reachable by other instances at {}",
				this.environment.getProperty("local.server.port"), streams.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG),
				this.settings.applicationId(), streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG),
				this.settings.stateDir().toAbsolutePath(), this.settings.standbyReplicas(),
				this.settings.applicationServer());
	}

}
