package io.keepline.ingest.kafka;

import io.keepline.ingest.IngestSettings;
import io.keepline.ingest.ownership.LineOwnersReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Starts the Kafka-native path once line owners are known, so that no raw record is
 * validated before ingest can tell whose lines they touch.
 */
@Component
class RawPathStarter {

	private static final Logger log = LoggerFactory.getLogger(RawPathStarter.class);

	private final MessageListenerContainer container;

	private final IngestSettings settings;

	RawPathStarter(MessageListenerContainer rawEventsContainer, IngestSettings settings) {
		this.container = rawEventsContainer;
		this.settings = settings;
	}

	@EventListener
	void on(LineOwnersReady ready) {
		if (this.settings.raw().enabled() && !this.container.isRunning()) {
			this.container.start();
			log.info("Kafka-native path started: line owners are known");
		}
	}

}
