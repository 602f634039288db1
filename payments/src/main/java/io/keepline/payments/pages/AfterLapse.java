package io.keepline.payments.pages;

import java.time.LocalDate;

import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.support.plans.Plans;

/**
 * What a holder can still do once their line lapsed, from the plans configuration's
 * {@code afterLapse: {graceDays, recoveryDays}} for the line's plan: the operator keeps
 * the number for the holder until {@link #graceUntil} (validity end + grace days), then
 * it can still be recovered through the operator until {@link #recoveryUntil} (+ recovery
 * days). A plan that says nothing gives the general words ("contact your operator"), one
 * that allows nothing says the number may go at once.
 *
 * @param messageKey the words of the status page and a lapsed pay link
 * @param graceUntil the last day the operator keeps the number, or null
 * @param recoveryUntil the last day it can be recovered, or null
 */
record AfterLapse(String messageKey, LocalDate graceUntil, LocalDate recoveryUntil) {

	/** What {@code line}'s holder can still do after its lapse. */
	static AfterLapse of(LineRecord line, Plans plans) {
		Plans.AfterLapse rule = plans.find(line.plan()).map(Plans.Plan::afterLapse).orElse(null);
		if (rule == null) {
			return new AfterLapse("lapsed.afterLapse.contactOperator", null, null);
		}
		if (rule.graceDays() <= 0 && rule.recoveryDays() <= 0) {
			return new AfterLapse("lapsed.afterLapse.none", null, null);
		}
		LocalDate grace = line.validUntil().plusDays(Math.max(rule.graceDays(), 0));
		return new AfterLapse("lapsed.afterLapse.grace", grace, grace.plusDays(Math.max(rule.recoveryDays(), 0)));
	}

}
