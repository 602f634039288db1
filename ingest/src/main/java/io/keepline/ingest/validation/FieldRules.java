package io.keepline.ingest.validation;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.keepline.contracts.Holder;
import io.keepline.contracts.Money;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ReminderResendRequested;
import io.keepline.contracts.line.ValidityExtended;
import tools.jackson.databind.JsonNode;

/**
 * What ingest asks of operators beyond the wire schema, named by record component so that
 * a rule can only name a field contracts has ({@link #verify()}): which fields an item
 * must carry, texts with their own length, and checks on values (an e-mail address, a
 * positive price, a date not too far ahead, lead days, a holder reachable on some
 * channel). A field with no rule here is read by its type ({@link WireValues}).
 */
final class FieldRules {

	static final int MAX_LEAD_DAYS = 10;

	static final int MAX_LEAD_DAY = 365;

	/** The rules on line-events items. */
	static final FieldRules LINE_EVENTS = new FieldRules()
		.require(LineRegistered.class, "plan", "validUntil", "renewalPrice", "holder")
		.require(ValidityExtended.class, "validUntil")
		.require(Holder.class, "locale", "timeZone")
		.require(Money.class, "currency")
		.read(LineRegistered.class, "plan", WireValues.text(64))
		.read(LineRegistered.class, "validUntil", validUntil())
		.read(ValidityExtended.class, "validUntil", validUntil())
		.read(LineRegistered.class, "leadDays", FieldRules::leadDays)
		.read(HolderUpdated.class, "leadDays", FieldRules::leadDays)
		.read(Holder.class, "name", WireValues.text(200))
		.read(Holder.class, "email", WireValues.parsed(254, Formats::email))
		.read(Money.class, "amountCents", WireValues.of(long.class).then(FieldRules::positive))
		.check(Holder.class, FieldRules::reachable)
		.notFromOperators(ReminderResendRequested.class);

	private final Map<String, WireValue> values = new HashMap<>();

	private final Set<String> required = new HashSet<>();

	private final Map<Class<?>, ObjectCheck> checks = new HashMap<>();

	private final List<Named> named = new ArrayList<>();

	private final Set<Class<?>> internal = new HashSet<>();

	FieldRules require(Class<?> record, String... names) {
		for (String name : names) {
			this.required.add(key(record, name));
			this.named.add(new Named(record, name));
		}
		return this;
	}

	FieldRules read(Class<?> record, String name, WireValue value) {
		this.values.put(key(record, name), value);
		this.named.add(new Named(record, name));
		return this;
	}

	/**
	 * A type ingest writes itself (an operator API request), which no operator batch, CSV
	 * row or raw record may carry: it reads as an unknown type.
	 */
	FieldRules notFromOperators(Class<?> record) {
		this.internal.add(record);
		return this;
	}

	boolean fromOperators(Class<?> record) {
		return !this.internal.contains(record);
	}

	FieldRules check(Class<?> record, ObjectCheck check) {
		this.checks.put(record, check);
		return this;
	}

	boolean required(Class<?> record, String name) {
		return this.required.contains(key(record, name));
	}

	/** Ingest's own reading of a field, or null to read it by its type. */
	WireValue value(Class<?> record, String name) {
		return this.values.get(key(record, name));
	}

	ObjectCheck objectCheck(Class<?> record) {
		return this.checks.get(record);
	}

	/**
	 * Fails when a rule names a field contracts does not have (renamed or removed), so
	 * that it cannot silently stop applying.
	 */
	void verify() {
		for (Named rule : this.named) {
			boolean found = false;
			for (RecordComponent component : rule.record().getRecordComponents()) {
				found |= component.getName().equals(rule.name());
			}
			if (!found) {
				throw new IllegalStateException("ingest has a rule on " + rule.record().getSimpleName() + "."
						+ rule.name() + ", which contracts does not have");
			}
		}
	}

	private static String key(Class<?> record, String name) {
		return record.getName() + "#" + name;
	}

	private static WireValue validUntil() {
		return WireValues.of(LocalDate.class).then((value, path, reading) -> {
			LocalDate limit = LocalDate.ofInstant(reading.receivedAt(), ZoneOffset.UTC)
				.plusYears(LineEventValidator.MAX_YEARS_AHEAD);
			if (((LocalDate) value).isAfter(limit)) {
				reading.problems().add(path, Reasons.TOO_FAR_AHEAD);
				return null;
			}
			return value;
		});
	}

	private static Object positive(Object value, String path, Reading reading) {
		if ((Long) value <= 0) {
			reading.problems().add(path, Reasons.NOT_POSITIVE);
			return null;
		}
		return value;
	}

	private static void reachable(JsonNode holder, String path, FieldProblems problems) {
		if (Fields.present(holder, "email") == null && Fields.present(holder, "sms") == null
				&& Fields.present(holder, "webhookUrl") == null) {
			problems.add(path, Reasons.NO_CHANNEL);
		}
	}

	/** Lead days: 1 to 10 distinct days, each 1 to 365. */
	private static Object leadDays(JsonNode node, String path, Reading reading) {
		FieldProblems problems = reading.problems();
		if (!node.isArray()) {
			problems.add(path, Reasons.WRONG_TYPE);
			return null;
		}
		if (node.isEmpty()) {
			problems.add(path, Reasons.LEAD_DAYS_EMPTY);
			return null;
		}
		if (node.size() > MAX_LEAD_DAYS) {
			problems.add(path, Reasons.LEAD_DAYS_TOO_MANY);
			return null;
		}
		int before = problems.size();
		List<Integer> days = new ArrayList<>(node.size());
		boolean[] seen = new boolean[MAX_LEAD_DAY + 1];
		for (int i = 0; i < node.size(); i++) {
			JsonNode day = node.get(i);
			String dayPath = path + "[" + i + "]";
			if (!day.isIntegralNumber()) {
				problems.add(dayPath, Reasons.WRONG_TYPE);
			}
			else if (!day.canConvertToInt() || day.intValue() < 1 || day.intValue() > MAX_LEAD_DAY) {
				problems.add(dayPath, Reasons.LEAD_DAYS_OUT_OF_RANGE);
			}
			else if (seen[day.intValue()]) {
				problems.add(dayPath, Reasons.LEAD_DAYS_DUPLICATE);
			}
			else {
				seen[day.intValue()] = true;
				days.add(day.intValue());
			}
		}
		return (problems.size() == before) ? days : null;
	}

	/** A rule on a whole object, beside the rules on its fields. */
	@FunctionalInterface
	interface ObjectCheck {

		void check(JsonNode object, String path, FieldProblems problems);

	}

	private record Named(Class<?> record, String name) {

	}

}
