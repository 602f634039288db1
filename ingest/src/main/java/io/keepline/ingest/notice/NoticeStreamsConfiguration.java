package io.keepline.ingest.notice;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.contracts.topic.Topics;
import io.keepline.support.startup.StartupFacts;
import io.keepline.support.streams.StreamsDefaults;
import io.keepline.support.streams.StreamsHealthDetails;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Runs the operator notices as a Streams application of its own beside the view of line
 * owners: exactly-once, its own application id ({@code keepline.ingest.notices.*}) and
 * state under {@code <state-dir>/notices}, Keepline's Streams defaults, its state a
 * detail of the {@code streams} health.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NoticeSettings.class)
@ConditionalOnBooleanProperty(name = "keepline.ingest.notices.enabled", matchIfMissing = true)
class NoticeStreamsConfiguration {

	/**
	 * The topics the notices read that other services write, created with their catalogue
	 * layout if ingest starts first: a Streams application stops on a missing source
	 * topic. Their writers' declarations then find them as they would have made them.
	 */
	@Bean
	KafkaAdmin.NewTopics noticeSourceTopics() {
		return new KafkaAdmin.NewTopics(Topics.DEADLINE_EVENTS.newTopic(), Topics.PAYMENT_EVENTS.newTopic(),
				Topics.NOTIFICATION_EVENTS.newTopic());
	}

	@Bean
	NoticeMetrics noticeMetrics(MeterRegistry registry) {
		return new NoticeMetrics(registry);
	}

	/**
	 * Not an autowiring candidate: the service's {@code StreamsBuilderFactoryBean} stays
	 * the view of line owners.
	 */
	@Bean(autowireCandidate = false)
	StreamsBuilderFactoryBean noticesStreamsBuilder(KafkaProperties kafka, NoticeSettings settings,
			OperatorKeys operatorKeys, StreamsDefaults defaults, Clock clock, NoticeMetrics metrics) {
		Map<String, Object> properties = kafka.buildStreamsProperties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
		Object stateDir = properties.getOrDefault(StreamsConfig.STATE_DIR_CONFIG, "./data/ingest");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(stateDir.toString()).resolve("notices").toString());
		properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(properties));
		defaults.configure(factory);
		NoticeTopology.Setup setup = new NoticeTopology.Setup(operatorKeys.operators(), settings.topUpBound(),
				settings.punctuationInterval(), settings.maxPerPunctuation(), clock, metrics);
		factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {

			@Override
			public void configureBuilder(StreamsBuilder builder) {
				NoticeTopology.define(builder, setup);
			}

		});
		return factory;
	}

	@Bean
	StartupFacts noticeFacts(NoticeSettings settings, OperatorKeys operatorKeys) {
		return (facts) -> facts.put("operator notices",
				"to " + Topics.OPERATOR_NOTICES_PREFIX + "<operator>.v1 of " + operatorKeys.operators().size()
						+ " operators; a paid renewal not applied within " + settings.topUpBound()
						+ " raises RenewalNotApplied");
	}

	/**
	 * The notices' state as a detail of the {@code streams} health, not a status of its
	 * own: ingest answers operators while the notices start or catch up.
	 */
	@Bean
	StreamsHealthDetails noticesHealthDetails(BeanFactory beans) {
		return (health) -> {
			KafkaStreams streams = beans.getBean("&noticesStreamsBuilder", StreamsBuilderFactoryBean.class)
				.getKafkaStreams();
			health.withDetail("notices", (streams != null) ? streams.state().name() : "NOT_STARTED");
		};
	}

}
