package io.keepline.notifier.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.keepline.contracts.Channel;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.notifier.message.MessageType;
import io.keepline.notifier.message.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the pay reminders gathered for one holder: those that go by email to the same
 * address in the same language make one email listing each line with its own pay link,
 * recorded once per line under the line's own notification id; any other (one alone, a
 * line sent already, suppressed, or not going by email) is handled by the
 * {@link Notifier} alone. A redelivered reminder of a line a digest covered finds its id
 * sent and is skipped.
 */
public final class Digests {

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	private final Notifier notifier;

	private final Channels channels;

	private final LineLookup lines;

	private final SentLog sentLog;

	private final NotificationRecorder recorder;

	private final RateLimiter emailLimit;

	private final Clock clock;

	/**
	 * Sends on {@code notifier}'s channels, under its email rate limit (a digest is one
	 * send), recording as it records.
	 */
	public Digests(Notifier notifier, LineLookup lines, SentLog sentLog, NotificationRecorder recorder, Clock clock) {
		this.notifier = notifier;
		this.channels = notifier.channels();
		this.lines = lines;
		this.sentLog = sentLog;
		this.recorder = recorder;
		this.emailLimit = notifier.limit(Channel.EMAIL);
		this.clock = clock;
	}

	/**
	 * Sends {@code events} (one holder's reminders), throwing a
	 * {@link TransientDeliveryException} when a send must be tried again later; what was
	 * sent before it is in the sent-log, so a retry skips it.
	 */
	public void handle(List<DeadlineEvent> events) {
		Map<String, List<Gathered>> byAddress = new LinkedHashMap<>();
		List<DeadlineEvent> alone = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		for (DeadlineEvent event : events) {
			if (!seen.add(event.eventId())) {
				// forwarded twice (its deadline record redelivered before it was
				// committed)
				continue;
			}
			Optional<LineRecord> record = this.lines.find(event.msisdn());
			Optional<Notice> notice = record.flatMap((line) -> this.notifier.sendable(event, line))
				.filter(this::byEmail);
			if (notice.isPresent()) {
				Notice ready = notice.get();
				String address = ready.holder().email().strip().toLowerCase(Locale.ROOT) + "/"
						+ ready.holder().locale().code();
				byAddress.computeIfAbsent(address, (a) -> new ArrayList<>()).add(new Gathered(event, ready));
			}
			else {
				alone.add(event);
			}
		}
		for (List<Gathered> group : byAddress.values()) {
			if (group.size() == 1) {
				alone.add(group.get(0).event());
			}
			else {
				send(group);
			}
		}
		for (DeadlineEvent event : alone) {
			this.notifier.handle(event);
		}
	}

	/**
	 * Whether a notice would go by email first: a pay reminder to a holder whose first
	 * channel is email, not stopped, not failed for good.
	 */
	private boolean byEmail(Notice notice) {
		return notice.type() == MessageType.REMINDER && !notice.holder().channels().isEmpty()
				&& notice.holder().channels().get(0) == Channel.EMAIL
				&& !this.notifier.stopped(notice).contains(Channel.EMAIL)
				&& !this.notifier.failedPermanently(notice, Channel.EMAIL);
	}

	private void send(List<Gathered> group) {
		List<Gathered> ordered = group.stream()
			.sorted(Comparator.comparing((Gathered g) -> g.notice().cycle().validUntil())
				.thenComparing((g) -> g.notice().cycle().msisdn().value()))
			.toList();
		List<Notice> notices = ordered.stream().map(Gathered::notice).toList();
		List<String> ids = notices.stream().map((n) -> n.notificationId(Channel.EMAIL)).toList();
		String digestId = digestId(ids);
		try {
			if (this.emailLimit != null) {
				this.emailLimit.acquire();
			}
			String providerId = this.channels.sendDigest(notices, digestId);
			for (Notice notice : notices) {
				String id = notice.notificationId(Channel.EMAIL);
				this.sentLog.markSent(id);
				this.recorder.record(new NotificationSent(UUID.randomUUID(), this.clock.instant(),
						notice.cycle().msisdn(), id, notice.sourceEventId(), Channel.EMAIL, notice.template(),
						notice.holder().locale(), providerId));
			}
			log.info("digest of {} reminders sent by email ({})", notices.size(),
					notices.stream().map((n) -> n.cycle().toString()).collect(Collectors.joining(", ")));
		}
		catch (PermanentDeliveryException ex) {
			// each line on its own: the email failed for good on each, the next channel
			// is
			// tried
			for (Notice notice : notices) {
				String id = notice.notificationId(Channel.EMAIL);
				this.sentLog.markFailedPermanently(id);
				this.recorder.record(failed(notice, id, true, ex.reason()));
			}
			log.warn("digest of {} reminders failed for good by email: {}", notices.size(), ex.reason());
			ordered.forEach((gathered) -> this.notifier.handle(gathered.event()));
		}
		catch (TransientDeliveryException ex) {
			for (Notice notice : notices) {
				this.recorder.record(failed(notice, notice.notificationId(Channel.EMAIL), false, ex.reason()));
			}
			log.info("digest of {} reminders deferred: {}", notices.size(), ex.reason());
			throw ex;
		}
	}

	/**
	 * The digest's own id (its Message-ID): the same set of lines gives the same id, so a
	 * digest sent again after a crash is recognisable as the same message.
	 */
	static String digestId(List<String> notificationIds) {
		return "digest:" + notificationIds.stream().sorted().collect(Collectors.joining(","));
	}

	private NotificationFailed failed(Notice notice, String id, boolean permanent, String reason) {
		return new NotificationFailed(UUID.randomUUID(), this.clock.instant(), notice.cycle().msisdn(), id,
				notice.sourceEventId(), Channel.EMAIL, notice.template(), notice.holder().locale(), permanent, reason);
	}

	/** One reminder and the notice it makes. */
	private record Gathered(DeadlineEvent event, Notice notice) {

	}

}
