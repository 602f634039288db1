package io.keepline.reliability;

import io.keepline.testsupport.KafkaCluster;

/**
 * A broker a scenario may take away and bring back on the same ports and data, cleanly
 * ({@link OwnBroker}) or with SIGKILL ({@link BrokerProcess}).
 */
public interface StoppableBroker extends KafkaCluster {

	/**
	 * Takes the broker away; clients find nobody at its address until {@link #restart}.
	 */
	void stop();

	/**
	 * Starts the broker again on the same ports and data; returns once it takes clients.
	 */
	void restart();

}
