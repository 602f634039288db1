package io.keepline.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HeldCopyRetentionTest {

	@Test
	void boundsDeadLetterAndRetryTopicsAndLeavesTheCatalogueAlone() {
		HeldCopyRetention retention = new HeldCopyRetention(Duration.ofDays(10), CompactionBound.DEFAULTS);
		NewTopic retry = new NewTopic(Topics.DEADLINE_EVENTS.name() + "-retry-0", 12, (short) 1);
		NewTopic deadLetters = Topics.LINES.newDeadLetterTopic();
		NewTopic catalogued = Topics.LINE_EVENTS.newTopic();

		assertThat(List.of(retry, deadLetters, catalogued)).allMatch(retention::bounded);

		String tenDays = Long.toString(Duration.ofDays(10).toMillis());
		assertThat(List.of(retry, deadLetters))
			.allSatisfy((topic) -> assertThat(topic.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, tenDays)
				.containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
		assertThat(catalogued.configs()).isEqualTo(Topics.LINE_EVENTS.configs());
	}

	@Test
	void boundsTheCompactionOfTheLinesTopic() {
		CompactionBound compaction = new CompactionBound(Duration.ofMinutes(1), Duration.ofMinutes(2),
				Duration.ofMinutes(1), 0.01, Duration.ofMinutes(1));
		HeldCopyRetention retention = new HeldCopyRetention(Duration.ofDays(10), compaction);
		NewTopic lines = Topics.LINES.newTopic();

		assertThat(retention.bounded(lines)).isTrue();

		assertThat(lines.configs()).containsEntry(TopicConfig.SEGMENT_MS_CONFIG, "60000")
			.containsEntry(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "120000")
			.containsEntry(TopicConfig.DELETE_RETENTION_MS_CONFIG, "60000")
			.containsEntry(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01")
			.containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
	}

	/** What a service's admin is about to create, once the post-processor has run. */
	@Test
	void theAdminCreatesTheServicesDeadLettersWithTheConfiguredBound() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(HeldCopyRetention.class,
					() -> new HeldCopyRetention(Duration.ofHours(6), CompactionBound.DEFAULTS));
			context.registerBean("topics", KafkaAdmin.NewTopics.class,
					() -> ServiceTopics.writes(Topics.PAYMENT_EVENTS).deadLettersOf(Topics.LINE_EVENTS));
			context.registerBean(DeclaringAdmin.class, DeclaringAdmin::new);
			context.refresh();

			assertThat(context.getBean(DeclaringAdmin.class).declared())
				.filteredOn((topic) -> topic.name().equals(Topics.LINE_EVENTS.deadLetter()))
				.singleElement()
				.satisfies((topic) -> assertThat(topic.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG,
						Long.toString(Duration.ofHours(6).toMillis())));
		}
	}

	@Test
	void refusesABoundThatIsNotPositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HeldCopyRetention(Duration.ZERO, CompactionBound.DEFAULTS))
			.withMessageContaining("keepline.retention.held-copies");
	}

	/** An admin that never connects, to see the topics it would create. */
	static final class DeclaringAdmin extends KafkaAdmin {

		DeclaringAdmin() {
			super(Map.of());
			setAutoCreate(false);
		}

		Collection<NewTopic> declared() {
			return newTopics();
		}

	}

}
