package io.keepline.ingest.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The line event types of the wire format, each with the fields it may carry.
 */
enum EventType {

	LINE_REGISTERED("LineRegistered", "plan", "validUntil", "renewalPrice", "holder", "leadDays", "autoRenew"),

	VALIDITY_EXTENDED("ValidityExtended", "validUntil"),

	HOLDER_UPDATED("HolderUpdated", "holder", "leadDays", "autoRenew"),

	LINE_CANCELLED("LineCancelled", "reason"),

	LINE_ERASED("LineErased");

	private static final Map<String, EventType> BY_WIRE_NAME = byWireName();

	private final String wireName;

	private final Set<String> fields;

	EventType(String wireName, String... fields) {
		this.wireName = wireName;
		this.fields = Stream.concat(Stream.of(Common.FIELDS), Stream.of(fields))
			.collect(Collectors.toUnmodifiableSet());
	}

	String wireName() {
		return this.wireName;
	}

	/** Every field an event of this type may carry, including the common ones. */
	Set<String> fields() {
		return this.fields;
	}

	static EventType of(String wireName) {
		return BY_WIRE_NAME.get(wireName);
	}

	private static final class Common {

		static final String[] FIELDS = { "type", "eventId", "occurredAt", "msisdn", "operator" };

	}

	private static Map<String, EventType> byWireName() {
		Map<String, EventType> types = new HashMap<>();
		for (EventType type : values()) {
			types.put(type.wireName, type);
		}
		return Map.copyOf(types);
	}

}
