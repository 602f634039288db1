package io.keepline.support.linekeys;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LineKeySettingsTest {

	private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	@Test
	void refusesToStartWithoutADataKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings("")).withMessageContaining("KEEPLINE_DATA_KEY");
	}

	@Test
	void refusesADataKeyOfTheWrongLength() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings("c2hvcnQ="))
			.withMessageContaining("KEEPLINE_DATA_KEY")
			.withMessageContaining("32 bytes");
	}

	@Test
	void declaresTheKeyTopicCompactedWithinTheBound() {
		LineKeySettings settings = new LineKeySettings(KEY, Duration.ofSeconds(10), Duration.ofMinutes(1),
				Duration.ofMinutes(2), Duration.ofMinutes(1));

		NewTopic topic = settings.newTopic();

		assertThat(topic.configs()).containsEntry("cleanup.policy", "compact")
			.containsEntry("segment.ms", "60000")
			.containsEntry("max.compaction.lag.ms", "120000")
			.containsEntry("delete.retention.ms", "60000");
		assertThat(settings.shreddingBound()).isEqualTo(Duration.ofMinutes(3));
		assertThat(settings.toString()).doesNotContain(KEY);
	}

	private static LineKeySettings settings(String key) {
		return new LineKeySettings(key, Duration.ofSeconds(10), Duration.ofDays(1), Duration.ofDays(7),
				Duration.ofDays(1));
	}

}
