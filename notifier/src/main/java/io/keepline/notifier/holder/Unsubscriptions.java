package io.keepline.notifier.holder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.choice.HolderChoices;
import io.keepline.contracts.linerecord.LineRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the choices of the current holder of a line (a channel stopped, the preference
 * page's channels and language): each change is written under the line's current
 * registration, so choices made under an earlier one (a recycled number) are dropped
 * rather than merged. Changes to one line are made one at a time on top of the last one
 * written, so that two choices at once both survive.
 */
public final class Unsubscriptions {

	private static final Logger log = LoggerFactory.getLogger(Unsubscriptions.class);

	/** How long a written choice is read from here rather than from the store. */
	private static final Duration STORE_LAG = Duration.ofSeconds(30);

	private static final int STRIPES = 64;

	private final HolderStore store;

	private final Clock clock;

	private final Object[] locks = new Object[STRIPES];

	private final Map<Msisdn, Written> written = new ConcurrentHashMap<>();

	public Unsubscriptions(HolderStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
		for (int i = 0; i < STRIPES; i++) {
			this.locks[i] = new Object();
		}
	}

	/** Stops {@code channel} for the holder of {@code line}, as read now. */
	public void stop(LineRecord line, Channel channel, HolderChoices.Via via) {
		boolean changed = change(line, (current) -> current.suppressedChannels().contains(channel) ? current
				: current.suppress(channel, this.clock.instant(), via));
		if (changed) {
			log.info("{} stopped {} for {}", via, channel, line.msisdn().masked());
		}
	}

	/** Stops SMS on every line whose holder's SMS number is {@code sms}; how many. */
	public int stopSms(Msisdn sms) {
		List<LineRecord> lines = this.store.linesReachedBy(sms);
		lines.forEach((line) -> stop(line, Channel.SMS, HolderChoices.Via.SMS_STOP));
		return lines.size();
	}

	/**
	 * Allows SMS again on every line whose holder's SMS number is {@code sms} and stopped
	 * it (a START reply, however SMS was stopped); how many lines that was.
	 */
	public int startSms(Msisdn sms) {
		int started = 0;
		for (LineRecord line : this.store.linesReachedBy(sms)) {
			if (change(line, (current) -> current.suppressedChannels().contains(Channel.SMS)
					? current.allow(Channel.SMS) : current)) {
				started++;
				log.info("SMS_START allowed SMS again for {}", line.msisdn().masked());
			}
		}
		return started;
	}

	/**
	 * Saves the preference page's choice: Keepline may use {@code allowed} of the
	 * holder's own channels (email, SMS; a channel they do not have is left as it is) and
	 * writes in {@code locale}.
	 */
	public void choose(LineRecord line, Set<Channel> allowed, HolderLocale locale) {
		boolean changed = change(line, (current) -> {
			HolderChoices chosen = current.inLocale(locale);
			for (Channel channel : PreferencesPage.CHOOSABLE) {
				if (!line.holder().channels().contains(channel)) {
					continue;
				}
				chosen = allowed.contains(channel) ? chosen.allow(channel)
						: chosen.suppress(channel, this.clock.instant(), HolderChoices.Via.PREFERENCE_PAGE);
			}
			return chosen;
		});
		if (changed) {
			log.info("Preference page: {} allows {} in {}", line.msisdn().masked(), allowed, locale.code());
		}
	}

	/** The line's current holder's choices, as this instance last wrote or read them. */
	public HolderChoices current(LineRecord line) {
		return fresh(line);
	}

	private boolean change(LineRecord line, UnaryOperator<HolderChoices> change) {
		synchronized (this.locks[Math.floorMod(line.msisdn().hashCode(), STRIPES)]) {
			HolderChoices current = fresh(line);
			HolderChoices next = change.apply(current);
			if (next.equals(current)) {
				return false;
			}
			this.store.save(next);
			this.written.put(line.msisdn(), new Written(next, this.clock.instant()));
			return true;
		}
	}

	/**
	 * The choices under the line's current registration: those this instance wrote lately
	 * (the store may not show them yet), else the store's.
	 */
	private HolderChoices fresh(LineRecord line) {
		Instant now = this.clock.instant();
		this.written.values().removeIf((entry) -> entry.at().plus(STORE_LAG).isBefore(now));
		Written mine = this.written.get(line.msisdn());
		HolderChoices stored = this.store.choices(line.msisdn()).orElse(null);
		HolderChoices latest = (mine != null && !mine.choices().equals(stored)) ? mine.choices() : stored;
		if (mine != null && mine.choices().equals(stored)) {
			this.written.remove(line.msisdn(), mine);
		}
		return (latest != null && Objects.equals(latest.registeredAt(), line.registeredAt())) ? latest
				: new HolderChoices(line.msisdn(), line.registeredAt(), Map.of());
	}

	private record Written(HolderChoices choices, Instant at) {
	}

}
