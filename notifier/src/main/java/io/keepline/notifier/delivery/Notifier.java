package io.keepline.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.keepline.contracts.Channel;
import io.keepline.contracts.Holder;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.notifier.message.Notice;
import io.keepline.notifier.message.NoticePlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one deadline event into at most one delivered message, addressed and checked with
 * the line's current record on every attempt ({@link SendCheck}; the event carries no
 * holder and no card): the record holder's channels in order, skipping the event if any
 * channel already delivered it, falling back to the next channel on a permanent failure,
 * and throwing a {@link TransientDeliveryException} (to be retried later) when a channel,
 * or the line's record, cannot be had now. Works without Kafka: the benchmark and tests
 * drive it directly.
 */
public final class Notifier {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);

	/** Why a notice is not sent when its holder stopped every channel they have. */
	public static final String UNSUBSCRIBED_ALL = "holder_unsubscribed_all";

	/**
	 * Why a notice is not sent when every channel of its holder failed for good (its
	 * operator is told, as for {@link #UNSUBSCRIBED_ALL}).
	 */
	public static final String ALL_CHANNELS_FAILED = "holder_all_channels_failed";

	/**
	 * How long after its event a notice waits for a line record not read yet, by default:
	 * then the line is taken as never registered and the notice suppressed.
	 */
	public static final Duration RECORD_WAIT = Duration.ofMinutes(2);

	private final NoticePlanner planner;

	private final Channels channels;

	private final LineLookup lines;

	private final SentLog sentLog;

	private final NotificationRecorder recorder;

	private final Map<Channel, RateLimiter> limits;

	private final Duration maxAge;

	private final Clock clock;

	private final HolderChoiceLookup choices;

	private final Duration recordWait;

	/**
	 * @param maxAge events older than this are not notified (a new consumer group reading
	 * months of history must not send stale reminders)
	 */
	public Notifier(NoticePlanner planner, Channels channels, LineLookup lines, SentLog sentLog,
			NotificationRecorder recorder, Map<Channel, RateLimiter> limits, Duration maxAge, Clock clock) {
		this(planner, channels, lines, sentLog, recorder, limits, maxAge, clock, HolderChoiceLookup.NONE);
	}

	/**
	 * @param choices the channels each holder stopped, skipped like a disabled channel
	 */
	public Notifier(NoticePlanner planner, Channels channels, LineLookup lines, SentLog sentLog,
			NotificationRecorder recorder, Map<Channel, RateLimiter> limits, Duration maxAge, Clock clock,
			HolderChoiceLookup choices) {
		this(planner, channels, lines, sentLog, recorder, limits, maxAge, clock, choices, RECORD_WAIT);
	}

	/**
	 * @param recordWait how long after its event a notice waits for a line record not
	 * read yet (shorter than the retries last, so that it ends suppressed, never
	 * dead-lettered)
	 */
	public Notifier(NoticePlanner planner, Channels channels, LineLookup lines, SentLog sentLog,
			NotificationRecorder recorder, Map<Channel, RateLimiter> limits, Duration maxAge, Clock clock,
			HolderChoiceLookup choices, Duration recordWait) {
		this.choices = choices;
		this.recordWait = recordWait;
		this.planner = planner;
		this.channels = channels;
		this.lines = lines;
		this.sentLog = sentLog;
		this.recorder = recorder;
		this.limits = limits.isEmpty() ? Map.of() : new EnumMap<>(limits);
		this.maxAge = maxAge;
		this.clock = clock;
	}

	public void handle(DeadlineEvent event) {
		handle(event, () -> this.lines.find(event.msisdn()));
	}

	/**
	 * Handles {@code event} with the line's record already read for it by
	 * {@link #lineOf}, as the listener read it when the event arrived, so that choosing
	 * where to handle an event and handling it read the record once; a record that was
	 * not there yet is looked for again.
	 */
	public void handle(DeadlineEvent event, Optional<LineRecord> line) {
		handle(event, () -> line.isPresent() ? line : this.lines.find(event.msisdn()));
	}

	/** The line's current record, read for one event. */
	public Optional<LineRecord> lineOf(DeadlineEvent event) {
		return this.lines.find(event.msisdn());
	}

	private void handle(DeadlineEvent event, Supplier<Optional<LineRecord>> line) {
		if (!this.planner.notifies(event)) {
			return;
		}
		if (event.occurredAt().plus(this.maxAge).isBefore(this.clock.instant())) {
			log.info("{} for {} is older than {}: not sent", event.getClass().getSimpleName(), event.cycle(),
					this.maxAge);
			return;
		}
		LineRecord record = line.get().orElse(null);
		Notice notice = this.planner.plan(event, record).orElseThrow();
		for (Channel channel : Channel.values()) {
			if (wasSent(notice, channel)) {
				log.info("{} for {} already sent by {}: skipped", notice.template(), notice.cycle(), channel);
				return;
			}
		}
		boolean mayWait = !event.occurredAt().plus(this.recordWait).isBefore(this.clock.instant());
		SendCheck check = SendCheck.of(event, record, this.lines.erased(event.msisdn()), mayWait);
		switch (check.verdict()) {
			case SEND -> send(renewedSince(notice, record));
			case SUPPRESS -> suppress(notice, check.reason());
			case WAIT -> {
				Channel first = firstChannel(notice);
				this.recorder.record(failed(notice, first, notice.notificationId(first), false, check.reason()));
				log.info("{} for {} waits for the line's record", notice.template(), notice.cycle());
				throw new TransientDeliveryException(check.reason(), "the line's record is not readable yet");
			}
		}
	}

	/**
	 * The notice {@code event} calls for if it may go out now, by the record's holder, as
	 * the holder would get it alone (renewed since, in the chosen language); empty when
	 * it would not be sent now (not a notice, too old, already sent on a channel, or a
	 * record that says not to send or to wait): {@link #handle} then decides alone.
	 */
	Optional<Notice> sendable(DeadlineEvent event, LineRecord record) {
		if (record == null || !this.planner.notifies(event)
				|| event.occurredAt().plus(this.maxAge).isBefore(this.clock.instant())) {
			return Optional.empty();
		}
		Notice notice = this.planner.plan(event, record).orElseThrow();
		for (Channel channel : Channel.values()) {
			if (wasSent(notice, channel)) {
				return Optional.empty();
			}
		}
		if (SendCheck.of(event, record, this.lines.erased(event.msisdn()), false).verdict() != SendCheck.Verdict.SEND) {
			return Optional.empty();
		}
		return Optional.of(inChosenLanguage(renewedSince(notice, record)));
	}

	Channels channels() {
		return this.channels;
	}

	/** The rate limit of {@code channel}'s provider, or null for none. */
	RateLimiter limit(Channel channel) {
		return this.limits.get(channel);
	}

	/** The channels the notice's holder stopped. */
	Set<Channel> stopped(Notice notice) {
		return this.choices.suppressed(notice.cycle().msisdn());
	}

	/**
	 * A receipt whose line the operator topped up already says the new validity (the
	 * record's later date); any other notice is left as it is.
	 */
	private static Notice renewedSince(Notice notice, LineRecord record) {
		if (notice.payment() == null || record == null || !record.validUntil().isAfter(notice.cycle().validUntil())) {
			return notice;
		}
		return notice.with(notice.payment().withRenewedUntil(record.validUntil()));
	}

	/**
	 * Whether handling {@code event} may call a webhook: the line's current holder has
	 * one. Cheap (no send), so a caller can choose where to handle the event.
	 */
	public boolean mayCallWebhook(DeadlineEvent event) {
		return mayCallWebhook(event, lineOf(event));
	}

	/** {@link #mayCallWebhook(DeadlineEvent)} with the line's record already read. */
	public boolean mayCallWebhook(DeadlineEvent event, Optional<LineRecord> line) {
		return this.planner.notifies(event) && line.map((record) -> record.holder().webhookUrl() != null).orElse(false);
	}

	/**
	 * Sends a notice no deadline event calls for (such as a one-time code) to its holder,
	 * once: skipped if a channel already delivered it.
	 */
	public void sendOnce(Notice notice) {
		for (Channel channel : Channel.values()) {
			if (wasSent(notice, channel)) {
				log.info("{} for {} already sent by {}: skipped", notice.template(), notice.cycle(), channel);
				return;
			}
		}
		send(notice);
	}

	private void send(Notice given) {
		Notice notice = inChosenLanguage(given);
		Holder holder = notice.holder();
		if (holder.channels().isEmpty()) {
			suppress(notice, SendCheck.CONTACT_UNKNOWN);
			return;
		}
		Set<Channel> stopped = this.choices.suppressed(notice.cycle().msisdn());
		if (!holder.channels().isEmpty() && stopped.containsAll(holder.channels())) {
			suppress(notice, UNSUBSCRIBED_ALL);
			return;
		}
		for (Channel channel : holder.channels()) {
			String id = notice.notificationId(channel);
			if (failedPermanently(notice, channel)) {
				continue;
			}
			if (stopped.contains(channel)) {
				// as a disabled channel: failed for good on it, on to the next
				this.sentLog.markFailedPermanently(id);
				this.recorder.record(failed(notice, channel, id, true, unsubscribed(channel)));
				log.info("{} for {} not sent by {}: the holder stopped it", notice.template(), notice.cycle(), channel);
				continue;
			}
			if (deliver(notice, channel, id)) {
				return;
			}
		}
		Channel first = holder.channels().get(0);
		this.recorder.record(failed(notice, first, notice.notificationId(first), true, ALL_CHANNELS_FAILED));
		log.warn("{} for {} could not be delivered on any channel", notice.template(), notice.cycle());
	}

	/** The notice in the language its holder chose on the preference page, if any. */
	private Notice inChosenLanguage(Notice notice) {
		if (notice.holder() == null) {
			return notice;
		}
		return this.choices.locale(notice.cycle().msisdn())
			.filter((locale) -> locale != notice.holder().locale())
			.map(notice::inLocale)
			.orElse(notice);
	}

	/**
	 * Records once, as a permanent failure on the first channel it would have taken, that
	 * the notice is not sent and why.
	 */
	private void suppress(Notice notice, String reason) {
		Channel first = firstChannel(notice);
		String id = notice.notificationId(first);
		if (failedPermanently(notice, first)) {
			log.info("{} for {} already suppressed: {}", notice.template(), notice.cycle(), reason);
			return;
		}
		this.recorder.record(failed(notice, first, id, true, reason));
		this.sentLog.markFailedPermanently(id);
		log.info("{} for {} not sent: {}", notice.template(), notice.cycle(), reason);
	}

	/**
	 * The channel a notice not sent is recorded on: its holder's first, or email (the
	 * first of the order) when the line has no record or no contact to name one.
	 */
	private static Channel firstChannel(Notice notice) {
		return (notice.holder() != null && !notice.holder().channels().isEmpty()) ? notice.holder().channels().get(0)
				: Channel.EMAIL;
	}

	/**
	 * Whether the sent-log has the notice as sent on {@code channel}, under its id or the
	 * id's older form (entries written before the upgrade, until they expire).
	 */
	private boolean wasSent(Notice notice, Channel channel) {
		return this.sentLog.wasSent(notice.notificationId(channel))
				|| this.sentLog.wasSent(notice.legacyNotificationId(channel));
	}

	boolean failedPermanently(Notice notice, Channel channel) {
		return this.sentLog.failedPermanently(notice.notificationId(channel))
				|| this.sentLog.failedPermanently(notice.legacyNotificationId(channel));
	}

	private boolean deliver(Notice notice, Channel channel, String id) {
		try {
			RateLimiter limiter = this.limits.get(channel);
			if (limiter != null) {
				limiter.acquire();
			}
			String providerId = this.channels.send(channel, notice, id);
			this.sentLog.markSent(id);
			this.recorder.record(new NotificationSent(UUID.randomUUID(), this.clock.instant(), notice.cycle().msisdn(),
					id, notice.sourceEventId(), channel, notice.template(), notice.holder().locale(), providerId));
			log.info("{} for {} sent by {}", notice.template(), notice.cycle(), channel);
			return true;
		}
		catch (PermanentDeliveryException ex) {
			this.sentLog.markFailedPermanently(id);
			this.recorder.record(failed(notice, channel, id, true, ex.reason()));
			log.warn("{} for {} failed for good on {}: {}", notice.template(), notice.cycle(), channel, ex.reason());
			return false;
		}
		catch (TransientDeliveryException ex) {
			this.recorder.record(failed(notice, channel, id, false, ex.reason()));
			log.info("{} for {} deferred on {}: {}", notice.template(), notice.cycle(), channel, ex.reason());
			throw ex;
		}
	}

	/**
	 * Why a notice is not sent on a channel its holder stopped:
	 * {@code email_unsubscribed}.
	 */
	static String unsubscribed(Channel channel) {
		return channel.name().toLowerCase(Locale.ROOT) + "_unsubscribed";
	}

	private NotificationFailed failed(Notice notice, Channel channel, String id, boolean permanent, String reason) {
		return new NotificationFailed(UUID.randomUUID(), this.clock.instant(), notice.cycle().msisdn(), id,
				notice.sourceEventId(), channel, notice.template(),
				(notice.holder() != null) ? notice.holder().locale() : null, permanent, reason);
	}

}
