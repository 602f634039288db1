package io.keepline.notifier.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.keepline.contracts.Msisdn;

/**
 * The lines whose record was deleted (erased) lately, in memory only and for a bounded
 * time: long enough to tell a message still waiting to be sent for an erased line from
 * one whose record has not been read yet, short enough to keep no number once nothing
 * about it can be sent any more.
 */
final class RecentErasures {

	private final Map<Msisdn, Instant> erasedAt = new ConcurrentHashMap<>();

	private final Duration keep;

	private final Clock clock;

	RecentErasures(Duration keep, Clock clock) {
		this.keep = keep;
		this.clock = clock;
	}

	void erased(Msisdn msisdn, Instant at) {
		Instant oldest = this.clock.instant().minus(this.keep);
		this.erasedAt.values().removeIf((erased) -> erased.isBefore(oldest));
		this.erasedAt.put(msisdn, at);
	}

	void registered(Msisdn msisdn) {
		this.erasedAt.remove(msisdn);
	}

	boolean contains(Msisdn msisdn) {
		Instant at = this.erasedAt.get(msisdn);
		return at != null && !at.isBefore(this.clock.instant().minus(this.keep));
	}

}
