package io.keepline.standalone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalogue's topics before the services start, so that a service that reads
 * a topic never starts before the service that writes it has declared it (each service
 * still declares the topics it writes; an existing topic is left as it is), and each
 * operator's notice topic, which the console reads. Its compacted topics are created with
 * the standalone's compaction bound ({@link ServiceProperties#COMPACTION}, the line keys'
 * as the services set it), and refused items with its short retention, as the services
 * would declare them.
 */
final class CatalogueTopics {

	private CatalogueTopics() {
	}

	static void create(String bootstrapServers, String operatorKeys) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			List<NewTopic> topics = new ArrayList<>(Topics.all().stream().map(CatalogueTopics::newTopic).toList());
			for (OperatorId operator : OperatorKeys.parse(operatorKeys).operators()) {
				topics.add(Topics.operatorNotices(operator).newTopic());
			}
			admin.createTopics(topics).values().values().forEach(CatalogueTopics::awaitCreated);
		}
	}

	private static NewTopic newTopic(Topic<?, ?> topic) {
		NewTopic created = topic.newTopic();
		if (topic.equals(Topics.REJECTED_EVENTS)) {
			// the bound of refused items, as ingest declares it (ServiceProperties)
			created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
					TopicConfig.RETENTION_MS_CONFIG, Long.toString(ServiceProperties.REJECTED_EVENTS.toMillis()),
					TopicConfig.SEGMENT_MS_CONFIG, Long.toString(ServiceProperties.COMPACTION.segment().toMillis())));
		}
		else if (topic.cleanupPolicy().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
			Map<String, String> configs = new HashMap<>(created.configs());
			configs.putAll(ServiceProperties.COMPACTION.topicConfigs());
			created.configs(configs);
		}
		return created;
	}

	private static void awaitCreated(KafkaFuture<Void> creation) {
		try {
			creation.get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("cannot create Keepline's topics: " + ex.getCause().getMessage(), ex);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while creating Keepline's topics", ex);
		}
	}

}
