package io.keepline.standalone.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs just the Kafka broker of the standalone mode until Ctrl-C, for developers who want
 * a local broker without Docker.
 */
public final class BrokerMain {

	private static final Logger log = LoggerFactory.getLogger(BrokerMain.class);

	private BrokerMain() {
	}

	public static void main(String[] args) {
		BrokerSettings settings;
		try {
			settings = BrokerArguments.parse(args, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			log.error(ex.getMessage());
			System.exit(2);
			return;
		}
		KafkaBroker broker = new KafkaBroker(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(broker), "kafka-broker-shutdown"));
		try {
			broker.start();
		}
		catch (PortInUseException ex) {
			log.error(ex.getMessage());
			System.exit(1);
			return;
		}
		log.info("Kafka broker listening on {} (controller on port {}), data in {}, cluster id {}. Ctrl-C to stop.",
				broker.bootstrapServers(), settings.controllerPort(), settings.dataDir(), broker.clusterId());
	}

	private static void stop(KafkaBroker broker) {
		if (broker.isRunning()) {
			broker.stop();
			log.info("Kafka broker stopped");
		}
	}

}
