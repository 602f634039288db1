package io.keepline.standalone.broker;

import java.util.LinkedHashMap;
import java.util.Map;

import io.keepline.contracts.topic.Topics;

/**
 * The server properties of a single-node KRaft cluster (node 1 is both broker and
 * controller), as they would appear in its {@code server.properties}.
 */
final class BrokerProperties {

	static final int NODE_ID = 1;

	static final String CONTROLLER_LISTENER = "CONTROLLER";

	private BrokerProperties() {
	}

	static Map<String, String> of(BrokerSettings settings) {
		String host = BrokerSettings.HOST;
		String listeners = "PLAINTEXT://" + host + ":" + settings.port() + "," + CONTROLLER_LISTENER + "://" + host
				+ ":" + settings.controllerPort();
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", Integer.toString(NODE_ID));
		properties.put("listeners", listeners);
		properties.put("advertised.listeners", listeners);
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("controller.listener.names", CONTROLLER_LISTENER);
		properties.put("controller.quorum.bootstrap.servers", host + ":" + settings.controllerPort());
		properties.put("log.dirs", settings.dataDir().toString());
		// One broker: internal topics can only have one replica, or transactional
		// producers and exactly-once Streams hang on InitProducerId.
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		properties.put("num.partitions", Integer.toString(Topics.DEFAULT_PARTITIONS));
		// Services declare their topics; auto-creation would hide a missing declaration
		// behind a topic with default partitions and retention.
		properties.put("auto.create.topics.enable", "false");
		// The standalone's erasure bound is minutes (docs/privacy.md, "Bounds"): segments
		// past their retention are deleted within 30 s, not the default 5 minutes.
		properties.put("log.retention.check.interval.ms", "30000");
		return properties;
	}

}
