package io.keepline.notifier.holder;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.keepline.contracts.Channel;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.choice.HolderChoices;
import io.keepline.contracts.linerecord.LineRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a channel for the current holder of a line: the choice is written under the
 * line's current registration, so choices made under an earlier one (a recycled number)
 * are dropped rather than merged.
 */
public final class Unsubscriptions {

	private static final Logger log = LoggerFactory.getLogger(Unsubscriptions.class);

	private final HolderStore store;

	private final Clock clock;

	public Unsubscriptions(HolderStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Stops {@code channel} for the holder of {@code line}, as read now. */
	public void stop(LineRecord line, Channel channel, HolderChoices.Via via) {
		HolderChoices current = this.store.choices(line.msisdn())
			.filter((choices) -> Objects.equals(choices.registeredAt(), line.registeredAt()))
			.orElseGet(() -> new HolderChoices(line.msisdn(), line.registeredAt(), Map.of()));
		if (current.suppressedChannels().contains(channel)) {
			return;
		}
		this.store.save(current.suppress(channel, this.clock.instant(), via));
		log.info("{} stopped {} for {}", via, channel, line.msisdn().masked());
	}

	/** Stops SMS on every line whose holder's SMS number is {@code sms}; how many. */
	public int stopSms(Msisdn sms) {
		List<LineRecord> lines = this.store.linesReachedBy(sms);
		lines.forEach((line) -> stop(line, Channel.SMS, HolderChoices.Via.SMS_STOP));
		return lines.size();
	}

}
