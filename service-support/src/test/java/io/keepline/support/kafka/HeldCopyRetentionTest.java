package io.keepline.support.kafka;

import java.time.Duration;
import java.util.List;

import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HeldCopyRetentionTest {

	@Test
	void boundsDeadLetterAndRetryTopicsAndLeavesTheCatalogueAlone() {
		HeldCopyRetention retention = new HeldCopyRetention(Duration.ofDays(10));
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
	void refusesABoundThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HeldCopyRetention(Duration.ZERO))
			.withMessageContaining("keepline.retention.held-copies");
	}

}
