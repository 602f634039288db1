package io.keepline.ingest.lines;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.ReminderResendRequested;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.ingest.EventPublisher;

/**
 * Turns an operator's resend request into a {@link ReminderResendRequested} on
 * line-events, for the scheduler to answer: only for the operator's own line with an open
 * cycle, and at most once per line per {@link #INTERVAL}, told from the requests already
 * on line-events (so every instance applies the same limit). Requests in the same hour
 * carry the same event id, so two that reach two instances at once still send once.
 */
final class ReminderResends {

	static final Duration INTERVAL = Duration.ofHours(1);

	private static final String TYPE = ReminderResendRequested.class.getSimpleName();

	private final LineDirectory directory;

	private final EventPublisher publisher;

	private final Clock clock;

	ReminderResends(LineDirectory directory, EventPublisher publisher, Clock clock) {
		this.directory = directory;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** What was asked of the scheduler. */
	record Requested(UUID eventId, String msisdn, LocalDate validUntil, Instant requestedAt) {

	}

	/**
	 * Requests the resend.
	 * @throws OperatorApiProblem.NotFound when the line is not the operator's
	 * @throws OperatorApiProblem.Conflict when its cycle is not open
	 * @throws OperatorApiProblem.TooSoon when a resend was requested less than an
	 * interval ago
	 */
	Requested request(OperatorId operator, Msisdn msisdn) {
		LineSummary line = this.directory.line(operator, msisdn)
			.orElseThrow(() -> new OperatorApiProblem.NotFound("No line " + msisdn.masked() + " of " + operator));
		if (line.cycleState() != CycleState.OPEN) {
			throw new OperatorApiProblem.Conflict("The line has no open cycle (its cycle ending " + line.validUntil()
					+ " is " + line.cycleState() + "): there is no reminder to resend");
		}
		Instant now = this.clock.instant();
		Optional<Instant> last = this.directory.lineEvents(msisdn)
			.stream()
			.filter((entry) -> entry.type().equals(TYPE))
			.map(LineFact::at)
			.max(Instant::compareTo);
		if (last.isPresent() && last.get().plus(INTERVAL).isAfter(now)) {
			Duration wait = Duration.between(now, last.get().plus(INTERVAL));
			throw new OperatorApiProblem.TooSoon("A resend for this line was requested at " + last.get()
					+ "; at most one per hour, retry after " + wait.toSeconds() + " s", wait);
		}
		UUID eventId = UUID.nameUUIDFromBytes(("keepline:resend:" + msisdn.value() + ":" + line.validUntil() + ":"
				+ now.getEpochSecond() / INTERVAL.toSeconds())
			.getBytes(StandardCharsets.UTF_8));
		this.publisher.publish(List.of(new ReminderResendRequested(eventId, now, msisdn, operator, line.validUntil())),
				List.of());
		return new Requested(eventId, msisdn.value(), line.validUntil(), now);
	}

}
