package io.keepline.reliability.schedulerkill;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.testsupport.Unique;

/**
 * The lines a run registers and the reminders they must produce. Every line has four
 * stages (4, 3, 2 and 1 days before one common validUntil) and one of 24 whole-hour time
 * zones; reminders are due at 10:00 holder-local (the scheduler's default send time), so
 * the same number falls due every scheduler hour for four days.
 */
final class ReminderPlan {

	static final List<Integer> STAGES = List.of(4, 3, 2, 1);

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-06-30");

	private static final LocalTime SEND_TIME = LocalTime.of(10, 0);

	private final List<LineRegistered> registrations = new ArrayList<>();

	private final Map<String, Instant> dueBySlot = new HashMap<>();

	private final String[] slotsInDueOrder;

	private final long[] dueInOrder;

	private ReminderPlan(int lines, Instant registeredAt) {
		for (int i = 0; i < lines; i++) {
			ZoneId zone = zone(i % 24 - 11);
			Msisdn msisdn = Unique.msisdn();
			this.registrations.add(new LineRegistered(UUID.randomUUID(), registeredAt, msisdn, OperatorId.of("orange"),
					"orange-prepaid-15", VALID_UNTIL, Money.of(1500, "EUR"),
					new Holder("Holder", "holder@example.com", null, (URI) null, HolderLocale.EN, zone), STAGES,
					false));
			for (int stage : STAGES) {
				this.dueBySlot.put(slot(msisdn, stage),
						VALID_UNTIL.minusDays(stage).atTime(SEND_TIME).atZone(zone).toInstant());
			}
		}
		this.slotsInDueOrder = this.dueBySlot.keySet()
			.stream()
			.sorted(Comparator.comparing(this.dueBySlot::get))
			.toArray(String[]::new);
		this.dueInOrder = Arrays.stream(this.slotsInDueOrder)
			.mapToLong((s) -> this.dueBySlot.get(s).toEpochMilli())
			.toArray();
	}

	/** A plan of {@code lines} lines registered at {@code registeredAt}. */
	static ReminderPlan of(int lines, Instant registeredAt) {
		return new ReminderPlan(lines, registeredAt);
	}

	/** The key of one reminder: line and stage. */
	static String slot(Msisdn msisdn, int stage) {
		return msisdn.value() + "/R" + stage;
	}

	List<LineRegistered> registrations() {
		return this.registrations;
	}

	int reminders() {
		return this.dueInOrder.length;
	}

	Instant firstDue() {
		return Instant.ofEpochMilli(this.dueInOrder[0]);
	}

	Instant lastDue() {
		return Instant.ofEpochMilli(this.dueInOrder[this.dueInOrder.length - 1]);
	}

	/** When {@code slot} is due, or null when it is not one of this plan's reminders. */
	Instant due(String slot) {
		return this.dueBySlot.get(slot);
	}

	/** The {@code index}-th reminder in due order. */
	String slotAt(int index) {
		return this.slotsInDueOrder[index];
	}

	/** When the {@code index}-th reminder in due order is due, in epoch millis. */
	long dueMillisAt(int index) {
		return this.dueInOrder[index];
	}

	/** How many reminders are due after {@code from} and at or before {@code to}. */
	int dueBetween(Instant from, Instant to) {
		return Math.max(0, countDueBy(to.toEpochMilli()) - countDueBy(from.toEpochMilli()));
	}

	private int countDueBy(long millis) {
		int at = Arrays.binarySearch(this.dueInOrder, millis);
		if (at < 0) {
			return -at - 1;
		}
		while (at < this.dueInOrder.length && this.dueInOrder[at] == millis) {
			at++;
		}
		return at;
	}

	/** A whole-hour zone, UTC{@code offset}, by its IANA name. */
	private static ZoneId zone(int offset) {
		return ZoneId.of((offset == 0) ? "Etc/UTC" : "Etc/GMT" + ((offset > 0) ? "-" : "+") + Math.abs(offset));
	}

}
