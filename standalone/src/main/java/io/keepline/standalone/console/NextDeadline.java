package io.keepline.standalone.console;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;

/**
 * The next thing due on a line, as design.md §3 plans it: the next reminder stage not yet
 * sent (at 10:00 in the holder's time zone), else the lapse at the end of the validity
 * day in Brussels. An estimate for display; the scheduler decides.
 */
final class NextDeadline {

	static final LocalTime SEND_TIME = LocalTime.of(10, 0);

	static final ZoneId LAPSE_ZONE = ZoneId.of("Europe/Brussels");

	private NextDeadline() {
	}

	static String describe(LineCard card, Instant now) {
		if (card.validUntil() == null || card.state().isFinal()) {
			return "none";
		}
		if (card.state() == CardState.RENEWED || card.state() == CardState.PAID) {
			return "renewal being applied by the operator";
		}
		ZoneId zone = (card.holder() != null) ? card.holder().timeZone() : LAPSE_ZONE;
		for (Integer stage : card.stages().stream().sorted(Comparator.reverseOrder()).toList()) {
			ZonedDateTime due = card.validUntil().minusDays(stage).atTime(SEND_TIME).atZone(zone);
			if (!card.remindedStages().contains(stage) && due.toInstant().isAfter(now)) {
				return "reminder D-" + stage + " at " + due.toLocalDateTime().toString().replace('T', ' ') + " "
						+ zone.getId();
			}
		}
		ZonedDateTime lapse = card.validUntil().plusDays(1).atStartOfDay(LAPSE_ZONE);
		return "lapses " + lapse.toLocalDateTime().toString().replace('T', ' ') + " Brussels";
	}

}
