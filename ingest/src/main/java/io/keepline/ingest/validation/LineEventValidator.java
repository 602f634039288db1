package io.keepline.ingest.validation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.Holder;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineCancelled;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineOwnership;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ValidityExtended;
import tools.jackson.databind.JsonNode;

/**
 * Checks one operator item of the wire format field by field, listing every problem with
 * its own reason code, and builds the {@link LineEvent} only when there is none. An item
 * for a line the sender may not change ({@link LineOwnership}) is refused on its
 * {@code msisdn}. Shared by the HTTP, CSV and Kafka paths; thread-safe.
 */
public final class LineEventValidator {

	/** How far ahead a validity date may lie. */
	public static final int MAX_YEARS_AHEAD = 5;

	/** How far in the future an operator's {@code occurredAt} may lie (clock skew). */
	public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

	private static final List<FieldError> NOT_AN_OBJECT = List.of(new FieldError("$", Reasons.NOT_AN_OBJECT));

	private final LineOwners owners;

	public LineEventValidator(LineOwners owners) {
		this.owners = owners;
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
		Problems problems = new Problems();
		String typeName = Fields.string(item, "type", "type", true, 64, problems);
		EventType type = (typeName != null) ? EventType.of(typeName) : null;
		if (typeName != null && type == null) {
			problems.add("type", Reasons.UNKNOWN_TYPE);
		}
		String eventIdText = Fields.string(item, "eventId", "eventId", true, 64, problems);
		UUID eventId = (eventIdText != null) ? Formats.uuid(eventIdText, "eventId", problems) : null;
		Instant occurredAt = occurredAt(item, receivedAt, problems);
		String msisdnText = Fields.string(item, "msisdn", "msisdn", true, 32, problems);
		Msisdn msisdn = (msisdnText != null) ? Phones.mobile(msisdnText, "msisdn", problems) : null;
		String claimed = Fields.string(item, "operator", "operator", true, 64, problems);
		if (claimed != null && !claimed.equals(operator.value())) {
			problems.add("operator", Reasons.OPERATOR_MISMATCH);
		}
		if (type == null) {
			return Validation.rejected(eventIdText, problems.list());
		}
		if (msisdn != null
				&& !LineOwnership.allows(this.owners.owner(msisdn), operator, type == EventType.LINE_REGISTERED)) {
			problems.add("msisdn", Reasons.LINE_OF_ANOTHER_OPERATOR);
		}
		Fields.rejectUnknown(item, type.fields(), "", problems);
		Common common = new Common(eventId, occurredAt, msisdn, operator);
		LineEvent event = switch (type) {
			case LINE_REGISTERED -> lineRegistered(item, common, receivedAt, problems);
			case VALIDITY_EXTENDED -> validityExtended(item, common, receivedAt, problems);
			case HOLDER_UPDATED -> holderUpdated(item, common, problems);
			case LINE_CANCELLED -> lineCancelled(item, common, problems);
			case LINE_ERASED -> problems.isEmpty() ? new LineErased(eventId, occurredAt, msisdn, operator) : null;
		};
		if (event == null) {
			return Validation.rejected(eventIdText, problems.list());
		}
		return new Validation(event.receivedAt(receivedAt), eventIdText, List.of());
	}

	private static Instant occurredAt(JsonNode item, Instant receivedAt, Problems problems) {
		String text = Fields.string(item, "occurredAt", "occurredAt", false, 64, problems);
		Instant occurredAt = (text != null) ? Formats.instant(text, "occurredAt", problems) : null;
		if (occurredAt != null && occurredAt.isAfter(receivedAt.plus(MAX_CLOCK_SKEW))) {
			problems.add("occurredAt", Reasons.IN_FUTURE);
			return null;
		}
		return occurredAt;
	}

	private static LineRegistered lineRegistered(JsonNode item, Common common, Instant receivedAt, Problems problems) {
		String plan = Fields.text(item, "plan", "plan", true, 64, problems);
		LocalDate validUntil = validUntil(item, receivedAt, problems);
		JsonNode priceNode = Fields.object(item, "renewalPrice", "renewalPrice", true, problems);
		Money price = (priceNode != null) ? HolderRules.price(priceNode, problems) : null;
		JsonNode holderNode = Fields.object(item, "holder", "holder", true, problems);
		Holder holder = (holderNode != null) ? HolderRules.holder(holderNode, problems) : null;
		List<Integer> leadDays = HolderRules.leadDays(item, problems);
		Boolean autoRenew = Fields.bool(item, "autoRenew", "autoRenew", problems);
		if (!problems.isEmpty()) {
			return null;
		}
		return new LineRegistered(common.eventId(), common.occurredAt(), common.msisdn(), common.operator(), plan,
				validUntil, price, holder, leadDays, Boolean.TRUE.equals(autoRenew));
	}

	private static ValidityExtended validityExtended(JsonNode item, Common common, Instant receivedAt,
			Problems problems) {
		LocalDate validUntil = validUntil(item, receivedAt, problems);
		return problems.isEmpty() ? new ValidityExtended(common.eventId(), common.occurredAt(), common.msisdn(),
				common.operator(), validUntil) : null;
	}

	private static HolderUpdated holderUpdated(JsonNode item, Common common, Problems problems) {
		JsonNode holderNode = Fields.object(item, "holder", "holder", false, problems);
		Holder holder = (holderNode != null) ? HolderRules.holder(holderNode, problems) : null;
		List<Integer> leadDays = HolderRules.leadDays(item, problems);
		Boolean autoRenew = Fields.bool(item, "autoRenew", "autoRenew", problems);
		return problems.isEmpty() ? new HolderUpdated(common.eventId(), common.occurredAt(), common.msisdn(),
				common.operator(), holder, leadDays, autoRenew) : null;
	}

	private static LineCancelled lineCancelled(JsonNode item, Common common, Problems problems) {
		String reason = Fields.text(item, "reason", "reason", false, 500, problems);
		return problems.isEmpty()
				? new LineCancelled(common.eventId(), common.occurredAt(), common.msisdn(), common.operator(), reason)
				: null;
	}

	private static LocalDate validUntil(JsonNode item, Instant receivedAt, Problems problems) {
		String text = Fields.string(item, "validUntil", "validUntil", true, 32, problems);
		LocalDate date = (text != null) ? Formats.date(text, "validUntil", problems) : null;
		LocalDate limit = LocalDate.ofInstant(receivedAt, ZoneOffset.UTC).plusYears(MAX_YEARS_AHEAD);
		if (date != null && date.isAfter(limit)) {
			problems.add("validUntil", Reasons.TOO_FAR_AHEAD);
			return null;
		}
		return date;
	}

	private record Common(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator) {

	}

}
