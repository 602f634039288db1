package io.keepline.support.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogueSerializerTest {

	private final CatalogueSerializer keys = serializer(true);

	private final CatalogueSerializer values = serializer(false);

	@Test
	void writesUnreadableRecordsAsTheBytesThatWereRead() {
		byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);

		assertThat(this.values.serialize(Topics.LINE_EVENTS.deadLetter(), poison)).isSameAs(poison);
		assertThat(this.values.serialize(Topics.LINE_EVENTS.deadLetter(), null)).isNull();
	}

	@Test
	void writesKeysAndEventsInTheWireFormatOfTheTopicTheyCameFrom() {
		Msisdn msisdn = Msisdn.of("+32470123456");
		DeadlineEvent event = EventSamples.everyPermitted(DeadlineEvent.class).get(0);
		String retries = Topics.DEADLINE_EVENTS.name() + "-retry-1";

		assertThat(this.keys.serialize(retries, msisdn))
			.isEqualTo(Topics.DEADLINE_EVENTS.keySerde().serializer().serialize(retries, msisdn));
		assertThat(this.values.serialize(Topics.DEADLINE_EVENTS.deadLetter(), event))
			.isEqualTo(Topics.DEADLINE_EVENTS.valueSerde().serializer().serialize("t", event));
	}

	@Test
	void refusesTopicsOutsideTheCatalogueAndValuesOfAnotherTopic() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.values.serialize("elsewhere", "text"))
			.withMessageContaining("not a Keepline topic");
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.values.serialize(Topics.LINE_EVENTS.deadLetter(), "text"))
			.withMessageContaining("not a value of " + Topics.LINE_EVENTS.name());
	}

	private static CatalogueSerializer serializer(boolean isKey) {
		CatalogueSerializer serializer = new CatalogueSerializer();
		serializer.configure(Map.of(), isKey);
		return serializer;
	}

}
