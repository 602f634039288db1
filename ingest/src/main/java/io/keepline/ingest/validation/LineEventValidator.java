package io.keepline.ingest.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineOwnership;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.support.plans.Plans;
import tools.jackson.databind.JsonNode;

/**
 * Checks one operator item of the wire format field by field, listing every problem with
 * its own reason code, and builds the {@link LineEvent} only when there is none; which
 * fields each type has comes from contracts ({@link WireSchema}). An item for a line the
 * sender may not change ({@link LineOwnership}) is refused on its {@code msisdn}, a
 * renewal price over its plan's cap on {@code renewalPrice} ({@link PriceCap}). Shared by
 * the HTTP, CSV and Kafka paths; thread-safe.
 */
public final class LineEventValidator {

	/** How far ahead a validity date may lie. */
	public static final int MAX_YEARS_AHEAD = 5;

	/** How far in the future an operator's {@code occurredAt} may lie (clock skew). */
	public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

	private static final WireSchema LINE_EVENTS = WireSchema.of(LineEvent.class, FieldRules.LINE_EVENTS);

	private static final List<FieldError> NOT_AN_OBJECT = List.of(new FieldError("$", Reasons.NOT_AN_OBJECT));

	private final LineOwners owners;

	private final WireSchema schema;

	private final PriceCap priceCap;

	/** A validator that caps prices at the default cap only (no plans). */
	public LineEventValidator(LineOwners owners) {
		this(owners, Plans.empty(Plans.DEFAULT_MAX_PRICE));
	}

	public LineEventValidator(LineOwners owners, Plans plans) {
		this(owners, LINE_EVENTS, plans);
	}

	LineEventValidator(LineOwners owners, WireSchema schema) {
		this(owners, schema, Plans.empty(Plans.DEFAULT_MAX_PRICE));
	}

	private LineEventValidator(LineOwners owners, WireSchema schema, Plans plans) {
		this.owners = owners;
		this.schema = schema;
		this.priceCap = new PriceCap(plans);
	}

	/**
	 * Every field a line-events item may carry, the fields of nested objects as dotted
	 * paths ({@code holder.email}), with their JSON shape.
	 */
	public static Map<String, WireKind> fields() {
		return LINE_EVENTS.fields();
	}

	/**
	 * Validates {@code item} sent by the authenticated {@code operator} and received at
	 * {@code receivedAt}, which also stamps events that carry no {@code occurredAt}.
	 * @throws OwnersUnavailableException when line ownership cannot be told yet
	 */
	public Validation validate(JsonNode item, OperatorId operator, Instant receivedAt) {
		if (item == null || !item.isObject()) {
			return Validation.rejected(null, NOT_AN_OBJECT);
		}
		Reading reading = new Reading(receivedAt);
		Item read = read(item, operator, reading);
		if (read.msisdn() != null && read.type() != null && !LineOwnership.allows(this.owners.owner(read.msisdn()),
				operator, read.type().type() == LineRegistered.class)) {
			reading.problems().add("msisdn", Reasons.LINE_OF_ANOTHER_OPERATOR);
		}
		if (read.event() instanceof LineRegistered registered) {
			this.priceCap.check(registered, reading.problems());
		}
		if (!reading.problems().isEmpty()) {
			return Validation.rejected(read.eventId(), reading.problems().list());
		}
		return new Validation(((LineEvent) read.event()).receivedAt(receivedAt), read.eventId(), List.of());
	}

	/**
	 * Reads {@code item}: the fields every type has first (so that they are checked even
	 * when the type is unknown), then those of its type, building the event when no
	 * problem was found.
	 */
	Item read(JsonNode item, OperatorId operator, Reading reading) {
		FieldProblems problems = reading.problems();
		String discriminator = this.schema.discriminator();
		String typeName = Fields.string(item, discriminator, discriminator, true, 64, problems);
		RecordShape type = (typeName != null) ? this.schema.type(typeName) : null;
		if (typeName != null && type == null) {
			problems.add(discriminator, Reasons.UNKNOWN_TYPE);
		}
		String eventIdText = Fields.string(item, "eventId", "eventId", true, 64, problems);
		UUID eventId = (eventIdText != null) ? Formats.uuid(eventIdText, "eventId", problems) : null;
		Instant occurredAt = occurredAt(item, reading.receivedAt(), problems);
		String msisdnText = Fields.string(item, "msisdn", "msisdn", true, 32, problems);
		Msisdn msisdn = (msisdnText != null) ? Phones.mobile(msisdnText, "msisdn", problems) : null;
		String claimed = Fields.string(item, "operator", "operator", true, 64, problems);
		if (claimed != null && !claimed.equals(operator.value())) {
			problems.add("operator", Reasons.OPERATOR_MISMATCH);
		}
		if (type == null) {
			return new Item(eventIdText, msisdn, null, null);
		}
		Map<String, Object> common = new HashMap<>(8);
		common.put("eventId", eventId);
		common.put("occurredAt", occurredAt);
		common.put("msisdn", msisdn);
		common.put("operator", operator);
		return new Item(eventIdText, msisdn, type, type.read(item, "", reading, common));
	}

	private static Instant occurredAt(JsonNode item, Instant receivedAt, FieldProblems problems) {
		String text = Fields.string(item, "occurredAt", "occurredAt", false, 64, problems);
		Instant occurredAt = (text != null) ? Formats.instant(text, "occurredAt", problems) : null;
		if (occurredAt != null && occurredAt.isAfter(receivedAt.plus(MAX_CLOCK_SKEW))) {
			problems.add("occurredAt", Reasons.IN_FUTURE);
			return null;
		}
		return occurredAt;
	}

	/**
	 * An item as read: its id as sent, its line, its type (null when unknown) and the
	 * event (null when a problem was found).
	 */
	record Item(String eventId, Msisdn msisdn, RecordShape type, Object event) {

	}

}
