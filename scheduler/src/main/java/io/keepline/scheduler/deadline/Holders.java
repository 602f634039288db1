package io.keepline.scheduler.deadline;

import java.util.Objects;

import io.keepline.contracts.Holder;

/**
 * Tells whether a registration names the line's current holder or another person (a
 * recycled number): the same name, e-mail address and SMS number; language, time zone and
 * webhook may change for the same person.
 */
final class Holders {

	private Holders() {
	}

	static boolean same(Holder current, Holder next) {
		return current != null && next != null && Objects.equals(current.name(), next.name())
				&& Objects.equals(current.email(), next.email()) && Objects.equals(current.sms(), next.sms());
	}

}
