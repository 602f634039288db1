package io.keepline.notifier.kafka;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.choice.HolderChoices;
import io.keepline.contracts.notification.SmsSent;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The line records (keepline.lines.v1), the holder choices (keepline.holder-choices.v1)
 * and the SMS sent (keepline.sms-sent.v1) in global RocksDB stores: every notifier
 * instance holds every line, every choice and where every recent SMS came from, whichever
 * deadline-events partitions it reads.
 */
final class NotifierLinesTopology {

	/** The store of line records by msisdn. */
	static final String STORE = "notifier-lines";

	/** The store of holder choices by msisdn. */
	static final String CHOICES_STORE = "notifier-holder-choices";

	/** The store of SMS sent by the provider's message id. */
	static final String SMS_SENT_STORE = "notifier-sms-sent";

	private NotifierLinesTopology() {
	}

	static void define(StreamsBuilder builder, RecentErasures erasures) {
		builder.addGlobalStore(
				Stores
					.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Topics.LINES.keySerde(),
							Topics.LINES.valueSerde())
					.withLoggingDisabled(),
				Topics.LINES.name(),
				Consumed.with(Topics.LINES.keySerde(), Topics.LINES.valueSerde()).withName("lines"),
				() -> new LineRecordUpdater(erasures));
		builder.globalTable(Topics.HOLDER_CHOICES.name(),
				Consumed.with(Topics.HOLDER_CHOICES.keySerde(), Topics.HOLDER_CHOICES.valueSerde())
					.withName("holder-choices"),
				Materialized.<Msisdn, HolderChoices, KeyValueStore<Bytes, byte[]>>as(CHOICES_STORE)
					.withKeySerde(Topics.HOLDER_CHOICES.keySerde())
					.withValueSerde(Topics.HOLDER_CHOICES.valueSerde()));
		builder.globalTable(Topics.SMS_SENT.name(),
				Consumed.with(Topics.SMS_SENT.keySerde(), Topics.SMS_SENT.valueSerde()).withName("sms-sent"),
				Materialized.<String, SmsSent, KeyValueStore<Bytes, byte[]>>as(SMS_SENT_STORE)
					.withKeySerde(Topics.SMS_SENT.keySerde())
					.withValueSerde(Topics.SMS_SENT.valueSerde()));
	}

}
