package io.keepline.support.linekeys;

import io.keepline.contracts.linekey.DataKey;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The data key and the key topic of a service that seals or opens holder contacts or
 * saved cards (one that sets {@code keepline.line-keys.data-key}, even to nothing:
 * without a data key it stops with a clear message). Each such service declares the key
 * topic, so that its global store finds it whichever service starts first.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "keepline.line-keys", name = "data-key")
@EnableConfigurationProperties(LineKeySettings.class)
public class LineKeysAutoConfiguration {

	@Bean
	DataKey dataKey(LineKeySettings settings) {
		return settings.key();
	}

	@Bean
	KafkaAdmin.NewTopics lineKeyTopic(LineKeySettings settings) {
		return new KafkaAdmin.NewTopics(settings.newTopic());
	}

}
