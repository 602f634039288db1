package io.keepline.reliability.poison;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import io.keepline.ingest.lines.OperatorApiStores;
import io.keepline.reliability.ServiceRun;
import org.apache.kafka.streams.TopologyDescription;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The topics a running service consumes, found in its context: those of its running
 * listener containers (from {@code @KafkaListener} or declared as beans) and the source
 * topics of its Kafka Streams topologies, global stores included. Lets the scenario
 * notice a consumer it does not cover.
 */
final class ConsumedTopics {

	private ConsumedTopics() {
	}

	static Set<String> of(ServiceRun service) {
		Set<String> topics = new TreeSet<>();
		service.beans(KafkaListenerEndpointRegistry.class)
			.values()
			.forEach((registry) -> registry.getListenerContainers().forEach((container) -> add(topics, container)));
		service.beans(MessageListenerContainer.class).values().forEach((container) -> add(topics, container));
		service.beans(StreamsBuilderFactoryBean.class)
			.values()
			.forEach((streams) -> streams.getTopology()
				.describe()
				.subtopologies()
				.stream()
				.flatMap((subtopology) -> subtopology.nodes().stream())
				.filter(TopologyDescription.Source.class::isInstance)
				.forEach((source) -> topics.addAll(((TopologyDescription.Source) source).topicSet())));
		service.beans(StreamsBuilderFactoryBean.class)
			.values()
			.forEach((streams) -> streams.getTopology()
				.describe()
				.globalStores()
				.forEach((store) -> topics.addAll(store.source().topicSet())));
		// an application its service runs apart from its context's factories
		service.beans(OperatorApiStores.class)
			.values()
			.forEach((stores) -> stores.topology()
				.describe()
				.globalStores()
				.forEach((store) -> topics.addAll(store.source().topicSet())));
		return topics;
	}

	private static void add(Set<String> topics, MessageListenerContainer container) {
		String[] names = container.getContainerProperties().getTopics();
		if (container.isRunning() && names != null) {
			topics.addAll(Arrays.asList(names));
		}
	}

}
