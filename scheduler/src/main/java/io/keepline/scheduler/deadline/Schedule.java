package io.keepline.scheduler.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The calendar arithmetic of deadlines: holder-local send instants (DST gaps resolved by
 * {@link ZonedDateTime#of}), the send window for catch-up, and the lapse instant.
 */
public final class Schedule {

	private final EngineSettings settings;

	public Schedule(EngineSettings settings) {
		this.settings = settings;
	}

	/**
	 * The send time on {@code daysBefore} days before {@code validUntil} in {@code zone}.
	 */
	public Instant sendInstant(LocalDate validUntil, int daysBefore, ZoneId zone) {
		return ZonedDateTime.of(validUntil.minusDays(daysBefore), this.settings.sendTime(), zone).toInstant();
	}

	/** The end of the validUntil day in the lapse zone (start of the next day). */
	public Instant lapseInstant(LocalDate validUntil) {
		return validUntil.plusDays(1).atStartOfDay(this.settings.lapseZone()).toInstant();
	}

	/** The date of automatic charge attempt {@code attempt} (from 1). */
	public LocalDate chargeDate(LocalDate validUntil, int attempt) {
		return validUntil.minusDays(this.settings.autoRenewDays().get(attempt - 1));
	}

	/** Days before validUntil of automatic charge attempt {@code attempt}. */
	public int chargeDaysBefore(int attempt) {
		return this.settings.autoRenewDays().get(attempt - 1);
	}

	/** {@code now} if it is inside the holder's send window, else when it next opens. */
	public Instant catchUp(Instant now, ZoneId zone) {
		ZonedDateTime local = now.atZone(zone);
		LocalTime time = local.toLocalTime();
		if (!time.isBefore(this.settings.windowStart()) && time.isBefore(this.settings.windowEnd())) {
			return now;
		}
		LocalDate opens = time.isBefore(this.settings.windowStart()) ? local.toLocalDate()
				: local.toLocalDate().plusDays(1);
		Instant open = ZonedDateTime.of(opens, this.settings.windowStart(), zone).toInstant();
		return open.isBefore(now) ? now : open;
	}

	public EngineSettings settings() {
		return this.settings;
	}

}
