package io.keepline.reliability;

import java.nio.file.Path;

import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.standalone.FreePorts;
import io.keepline.standalone.broker.BrokerSettings;
import io.keepline.standalone.broker.KafkaBroker;

/**
 * A Kafka broker of one scenario's own: the standalone's KRaft broker on free ports with
 * its data in a scenario directory, holding the catalogue topics. For scenarios that stop
 * the broker (the shared test broker must never stop) or flood topics that other
 * scenarios read from the beginning. It is a {@code KafkaCluster}, so probes and topic
 * creation work on it as on the shared one.
 */
public final class OwnBroker implements StoppableBroker {

	private final KafkaBroker broker;

	private OwnBroker(KafkaBroker broker) {
		this.broker = broker;
	}

	/** Starts a broker keeping its data in {@code dataDir} and creates the catalogue. */
	public static OwnBroker start(Path dataDir) {
		OwnBroker own = new OwnBroker(new KafkaBroker(new BrokerSettings(FreePorts.find(), FreePorts.find(), dataDir)));
		own.broker.start();
		own.createTopics(Topics.all().toArray(Topic<?, ?>[]::new));
		return own;
	}

	/**
	 * Shuts the broker down cleanly; clients see it unreachable until {@link #restart}.
	 */
	public void stop() {
		this.broker.stop();
	}

	@Override
	public void restart() {
		this.broker.start();
	}

	@Override
	public String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	@Override
	public String description() {
		return "a scenario's own KRaft broker at " + bootstrapServers();
	}

	@Override
	public void close() {
		this.broker.stop();
	}

}
