package io.keepline.scheduler.streams;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import io.keepline.support.startup.StartupFacts;
import org.apache.kafka.streams.StreamsConfig;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * What the scheduler says about its engine once it is ready: its application id,
 * processing guarantee, state directory, standby replicas and the address other instances
 * forward read requests to.
 */
@Component
class SchedulerFacts implements StartupFacts {

	private final StreamsBuilderFactoryBean factory;

	SchedulerFacts(StreamsBuilderFactoryBean factory) {
		this.factory = factory;
	}

	@Override
	public void describe(Map<String, Object> facts) {
		Properties streams = this.factory.getStreamsConfiguration();
		facts.put("application id", value(streams, StreamsConfig.APPLICATION_ID_CONFIG, ""));
		facts.put("processing guarantee", value(streams, StreamsConfig.PROCESSING_GUARANTEE_CONFIG, ""));
		facts.put("state in", Path.of(value(streams, StreamsConfig.STATE_DIR_CONFIG, ".")).toAbsolutePath());
		facts.put("standby replicas", value(streams, StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0"));
		String server = value(streams, StreamsConfig.APPLICATION_SERVER_CONFIG, "");
		facts.put("reachable by other instances at", server.isBlank() ? "nowhere (no forwarding)" : server);
	}

	private static String value(Properties streams, String key, String otherwise) {
		Object value = streams.get(key);
		return (value != null) ? value.toString() : otherwise;
	}

}
