package io.keepline.reliability.scope;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineCancelled;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ValidityExtended;
import tools.jackson.databind.JsonNode;

/**
 * Line events as an operator integration sends them, each with a fresh event id and no
 * {@code occurredAt} (ingest stamps it): one of every type for a line, and their wire
 * format as a JSON batch or as CSV rows.
 */
final class OperatorEvents {

	private static final List<String> CSV_COLUMNS = List.of("type", "eventId", "msisdn", "operator", "plan",
			"validUntil", "renewalPrice.amountCents", "renewalPrice.currency", "holder.name", "holder.email",
			"holder.locale", "holder.timeZone", "leadDays", "autoRenew", "reason");

	private OperatorEvents() {
	}

	static LineRegistered registered(Msisdn msisdn, OperatorId operator, LocalDate validUntil) {
		Holder holder = new Holder("Ana Peeters", "ana@example.com", null, (URI) null, HolderLocale.NL,
				ZoneId.of("Europe/Brussels"));
		return new LineRegistered(UUID.randomUUID(), null, msisdn, operator, operator + "-prepaid-15", validUntil,
				Money.of(1500, "EUR"), holder, null, false);
	}

	static ValidityExtended extended(Msisdn msisdn, OperatorId operator, LocalDate validUntil) {
		return new ValidityExtended(UUID.randomUUID(), null, msisdn, operator, validUntil);
	}

	static LineCancelled cancelled(Msisdn msisdn, OperatorId operator) {
		return new LineCancelled(UUID.randomUUID(), null, msisdn, operator, "ported out");
	}

	/** One event of each of the five types, from {@code operator}, for {@code msisdn}. */
	static List<LineEvent> everyType(Msisdn msisdn, OperatorId operator, LocalDate validUntil) {
		Holder takenOver = new Holder(null, "not-the-holder@example.com", null, (URI) null, HolderLocale.EN,
				ZoneId.of("Europe/Brussels"));
		return List.of(registered(msisdn, operator, validUntil), extended(msisdn, operator, validUntil.plusYears(1)),
				new HolderUpdated(UUID.randomUUID(), null, msisdn, operator, takenOver, List.of(2), true),
				cancelled(msisdn, operator), new LineErased(UUID.randomUUID(), null, msisdn, operator));
	}

	/** The wire format of one event. */
	static String json(LineEvent event) {
		return EventJson.writeString(event, LineEvent.class);
	}

	/** A JSON batch of {@code events}. */
	static String json(List<? extends LineEvent> events) {
		return events.stream().map(OperatorEvents::json).collect(Collectors.joining(",", "[", "]"));
	}

	/** A CSV import of {@code events}: a header row and one row each. */
	static String csv(List<? extends LineEvent> events) {
		StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
		for (LineEvent event : events) {
			JsonNode tree = EventJson.mapper().readTree(json(event));
			StringJoiner row = new StringJoiner(",");
			for (String column : CSV_COLUMNS) {
				row.add(cell(tree, column));
			}
			csv.append(row).append('\n');
		}
		return csv.toString();
	}

	private static String cell(JsonNode tree, String column) {
		JsonNode node = tree;
		for (String step : column.split("\\.")) {
			node = node.path(step);
		}
		if (node.isMissingNode() || node.isNull()) {
			return "";
		}
		String text;
		if (node.isArray()) {
			StringJoiner items = new StringJoiner(";");
			node.forEach((item) -> items.add(item.asString()));
			text = items.toString();
		}
		else {
			text = node.asString();
		}
		return (text.contains(",") || text.contains("\"")) ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

}
