package io.keepline.scheduler.deadline;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The rules' knobs: when reminders are sent, the send window for catch-up, the auto-renew
 * attempt days, and how the punctuator paces its work.
 *
 * @param sendTime holder-local time of day reminders and charges are due at
 * @param windowStart start of the holder-local window in which catch-up messages go out
 * @param windowEnd end (exclusive) of that window
 * @param lapseZone zone whose end of the validUntil day is the lapse instant
 * @param autoRenewDays days before validUntil of each automatic charge attempt, first
 * attempt first
 * @param punctuationInterval how often the due index is scanned
 * @param maxPerPunctuation how many due entries one scan handles at most
 * @param maxPunctuationTime how long one scan may keep handling due entries (elapsed real
 * time, whatever the engine's clock says) before it leaves the rest to the next
 * punctuation, so that a stream thread commits well within the transaction timeout
 * however large the backlog
 * @param recentEventIds how many input event ids a line remembers for deduplication
 * @param historySize how many history lines a line keeps
 * @param settlementWait how long after the lapse a payment still being processed (a SEPA
 * debit) holds the holder's lapse message: past it, the holder is told the line lapsed,
 * and a success that settles even later still confirms the renewal
 */
public record EngineSettings(LocalTime sendTime, LocalTime windowStart, LocalTime windowEnd, ZoneId lapseZone,
		List<Integer> autoRenewDays, Duration punctuationInterval, int maxPerPunctuation, Duration maxPunctuationTime,
		int recentEventIds, int historySize, Duration settlementWait) {

	public EngineSettings {
		autoRenewDays = List.copyOf(autoRenewDays);
		if (autoRenewDays.isEmpty()) {
			throw new IllegalArgumentException("autoRenewDays needs at least one day");
		}
		if (!windowStart.isBefore(windowEnd)) {
			throw new IllegalArgumentException("the send window must start before it ends");
		}
		if (maxPerPunctuation < 1 || !positive(punctuationInterval) || !positive(maxPunctuationTime)) {
			throw new IllegalArgumentException("the punctuator needs a positive interval, batch size and time budget");
		}
		if (settlementWait.isNegative()) {
			throw new IllegalArgumentException("settlementWait must not be negative");
		}
	}

	/**
	 * Keepline's defaults: 10:00, window 09:00–21:00, charges at D−3, D−2, D−1; a scan
	 * every 250 ms handling at most 200 ms of work per task (the time budget bounds the
	 * transaction; the cap of 20,000 entries is only a backstop); a pending payment holds
	 * the lapse message for 14 days, as long as a SEPA debit may take to settle.
	 */
	public static EngineSettings defaults() {
		return new EngineSettings(LocalTime.of(10, 0), LocalTime.of(9, 0), LocalTime.of(21, 0),
				ZoneId.of("Europe/Brussels"), List.of(3, 2, 1), Duration.ofMillis(250), 20_000, Duration.ofMillis(200),
				16, 20, Duration.ofDays(14));
	}

	public EngineSettings withMaxPerPunctuation(int max) {
		return new EngineSettings(this.sendTime, this.windowStart, this.windowEnd, this.lapseZone, this.autoRenewDays,
				this.punctuationInterval, max, this.maxPunctuationTime, this.recentEventIds, this.historySize,
				this.settlementWait);
	}

	public EngineSettings withPunctuationInterval(Duration interval) {
		return new EngineSettings(this.sendTime, this.windowStart, this.windowEnd, this.lapseZone, this.autoRenewDays,
				interval, this.maxPerPunctuation, this.maxPunctuationTime, this.recentEventIds, this.historySize,
				this.settlementWait);
	}

	public EngineSettings withMaxPunctuationTime(Duration budget) {
		return new EngineSettings(this.sendTime, this.windowStart, this.windowEnd, this.lapseZone, this.autoRenewDays,
				this.punctuationInterval, this.maxPerPunctuation, budget, this.recentEventIds, this.historySize,
				this.settlementWait);
	}

	public EngineSettings withSettlementWait(Duration wait) {
		return new EngineSettings(this.sendTime, this.windowStart, this.windowEnd, this.lapseZone, this.autoRenewDays,
				this.punctuationInterval, this.maxPerPunctuation, this.maxPunctuationTime, this.recentEventIds,
				this.historySize, wait);
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	/** How many automatic charge attempts a cycle gets. */
	public int maxAttempts() {
		return this.autoRenewDays.size();
	}

}
