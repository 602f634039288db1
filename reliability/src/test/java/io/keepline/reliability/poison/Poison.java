package io.keepline.reliability.poison;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.Msisdn;
import io.keepline.ingest.validation.Reasons;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.node.ObjectNode;

/**
 * The kinds of poison record written ahead of a good record on every consumed topic, and
 * how each is made from a well-formed event of the topic.
 */
enum Poison {

	/** Bytes that are not JSON at all. */
	NOT_JSON,

	/** Valid JSON whose {@code type} no reader knows. */
	UNKNOWN_TYPE,

	/** A well-formed event whose key is not an msisdn (on the raw topic: no operator). */
	KEY_NOT_AN_MSISDN,

	/**
	 * A well-formed event keyed by another line's msisdn (on the raw topic: another
	 * operator).
	 */
	KEY_OF_ANOTHER_LINE,

	/** Valid JSON of a known type without a field the contract requires. */
	MISSING_REQUIRED_FIELD;

	private static final byte[] GARBAGE = { (byte) 0xff, (byte) 0xfe, 0, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n', '{' };

	/**
	 * This poison for an msisdn-keyed topic, made from {@code wellFormed}'s event of a
	 * line of its own, written into {@code partition} (so that it precedes the good
	 * record of that partition).
	 */
	ProducerRecord<byte[], byte[]> record(String topic, int partition, Function<Msisdn, ObjectNode> wellFormed) {
		Msisdn subject = Unique.msisdn();
		ObjectNode event = wellFormed.apply(subject);
		byte[] key = bytes(subject.value());
		byte[] value = switch (this) {
			case NOT_JSON -> GARBAGE;
			case UNKNOWN_TYPE -> bytes(event.put("type", "LineTeleported").toString());
			case KEY_NOT_AN_MSISDN -> {
				key = bytes("line-" + UUID.randomUUID());
				yield bytes(event.toString());
			}
			case KEY_OF_ANOTHER_LINE -> {
				key = bytes(Unique.msisdn().value());
				yield bytes(event.toString());
			}
			case MISSING_REQUIRED_FIELD -> {
				event.remove("validUntil");
				yield bytes(event.toString());
			}
		};
		return new ProducerRecord<>(topic, partition, key, value);
	}

	/**
	 * This poison for an operator's raw topic, where the key means nothing and the topic
	 * names the operator: no value stands for an unreadable key, and a record claiming
	 * another operator (in its body and in a header) for a record of another line. Made
	 * from a well-formed {@code lineEvent} of operator orange, written into
	 * {@code partition} of orange's topic.
	 */
	ProducerRecord<byte[], byte[]> rawRecord(String topic, int partition, ObjectNode lineEvent) {
		byte[] value = switch (this) {
			case NOT_JSON -> GARBAGE;
			case UNKNOWN_TYPE -> bytes(lineEvent.put("type", "LineTeleported").toString());
			case KEY_NOT_AN_MSISDN -> null;
			case KEY_OF_ANOTHER_LINE -> bytes(lineEvent.put("operator", "proximus").toString());
			case MISSING_REQUIRED_FIELD -> {
				lineEvent.remove("validUntil");
				yield bytes(lineEvent.toString());
			}
		};
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, null, value);
		if (this == KEY_OF_ANOTHER_LINE) {
			record.headers().add("keepline-operator", bytes("proximus"));
		}
		return record;
	}

	/**
	 * This poison for rejected-events, keyed by operator: a key that is no operator id
	 * stands for the unreadable key, and the key of another operator for another line's
	 * (a key the notices never compare with the body). Made from orange's well-formed
	 * {@code rejection}, written into {@code partition}.
	 */
	ProducerRecord<byte[], byte[]> operatorKeyedRecord(String topic, int partition, ObjectNode rejection) {
		byte[] key = bytes("orange");
		byte[] value = switch (this) {
			case NOT_JSON -> GARBAGE;
			case UNKNOWN_TYPE -> bytes(rejection.put("type", "LineTeleported").toString());
			case KEY_NOT_AN_MSISDN -> {
				key = bytes("Not An Operator " + UUID.randomUUID());
				yield bytes(rejection.toString());
			}
			case KEY_OF_ANOTHER_LINE -> {
				key = bytes("proximus");
				yield bytes(rejection.toString());
			}
			case MISSING_REQUIRED_FIELD -> {
				rejection.remove("source");
				yield bytes(rejection.toString());
			}
		};
		return new ProducerRecord<>(topic, partition, key, value);
	}

	/** The field error ingest must give this poison on the raw topic. */
	FieldError rawRejection() {
		return switch (this) {
			case NOT_JSON -> new FieldError("$", Reasons.MALFORMED_JSON);
			case UNKNOWN_TYPE -> new FieldError("type", Reasons.UNKNOWN_TYPE);
			case KEY_NOT_AN_MSISDN -> new FieldError("$", Reasons.REQUIRED);
			case KEY_OF_ANOTHER_LINE -> new FieldError("operator", Reasons.OPERATOR_MISMATCH);
			case MISSING_REQUIRED_FIELD -> new FieldError("validUntil", Reasons.REQUIRED);
		};
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
