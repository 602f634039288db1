package io.keepline.reliability;

import io.keepline.contracts.topic.Topic;
import io.keepline.testsupport.KafkaCluster;

/**
 * Places a new consumer group (or Streams application id) at the current end of shared
 * topics, where a service that had handled all earlier records would stand. Scenarios
 * sharing the test broker use it so that a fresh service does not act again on what
 * earlier scenarios left on the topics (charge their renewals, refund their payments,
 * replay their lines).
 */
public final class ConsumerGroups {

	private ConsumerGroups() {
	}

	/**
	 * Commits the end offset of every partition of {@code topics} for {@code groupId}.
	 */
	public static void startAtEnd(KafkaCluster cluster, String groupId, Topic<?, ?>... topics) {
		cluster.startGroupAtEnd(groupId, topics);
	}

}
