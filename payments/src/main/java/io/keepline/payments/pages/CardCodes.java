package io.keepline.payments.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodCodeTried;
import io.keepline.payments.line.CodeRequest;
import io.keepline.payments.line.PaymentHistory;

/**
 * The one-time codes that guard saving or replacing a card from a link: at most one
 * request a minute and {@value #PER_HOUR} an hour per line, each code valid {@link #TTL},
 * used once, and refused after {@value #MAX_WRONG} wrong tries. Requests, tries and uses
 * are read from the line's payment history, which every instance folds from
 * payment-events, so the count is shared by all instances; each try is published there
 * ({@link Check#tried()}) and counted here too until the history shows it.
 */
final class CardCodes {

	static final Duration TTL = Duration.ofMinutes(10);

	static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

	static final int PER_HOUR = 5;

	static final int MAX_WRONG = 5;

	private final LinkSigner signer;

	private final Clock clock;

	/** Requests made here, until the history shows them. */
	private final Map<Msisdn, List<Instant>> asked = new ConcurrentHashMap<>();

	/** Tries made here per request, until the history shows them. */
	private final Map<UUID, Tries> tries = new ConcurrentHashMap<>();

	CardCodes(LinkSigner signer, Clock clock) {
		this.signer = signer;
		this.clock = clock;
	}

	/**
	 * A new code request for {@code msisdn}, or how long to wait before the next one.
	 */
	Ask ask(Msisdn msisdn, PaymentHistory history) {
		Instant now = this.clock.instant();
		Instant hourAgo = now.minus(Duration.ofHours(1));
		this.asked.values().removeIf((times) -> times.get(times.size() - 1).isBefore(hourAgo));
		Ask[] answer = new Ask[1];
		this.asked.compute(msisdn, (key, before) -> {
			List<Instant> times = new ArrayList<>();
			if (before != null) {
				before.stream().filter((t) -> !t.isBefore(hourAgo)).forEach(times::add);
			}
			List<Instant> known = new ArrayList<>(times);
			history.latestCodeRequest().map(CodeRequest::at).ifPresent(known::add);
			answer[0] = answer(msisdn, now, known, Math.max(times.size(), history.codeRequestsSince(hourAgo)));
			if (answer[0] instanceof Ask.Granted) {
				times.add(now);
			}
			return times.isEmpty() ? null : List.copyOf(times);
		});
		return answer[0];
	}

	private Ask answer(Msisdn msisdn, Instant now, List<Instant> times, long lastHour) {
		Instant last = times.stream().max(Instant::compareTo).orElse(null);
		if (last != null && now.isBefore(last.plus(MIN_INTERVAL))) {
			return new Ask.TooSoon(Duration.between(now, last.plus(MIN_INTERVAL)));
		}
		if (lastHour >= PER_HOUR) {
			Instant oldest = times.stream().min(Instant::compareTo).orElse(now);
			return new Ask.TooSoon(Duration.between(now, oldest.plus(Duration.ofHours(1))));
		}
		return new Ask.Granted(new PaymentMethodCodeRequested(UUID.randomUUID(), now, msisdn,
				this.signer.signingKeyId(), now.plus(TTL)));
	}

	/**
	 * Whether {@code typed} is the code of the line's latest request, and uses it if so;
	 * the try to publish comes with the answer.
	 */
	Check check(Msisdn msisdn, PaymentHistory history, String typed) {
		Instant now = this.clock.instant();
		this.tries.values().removeIf((t) -> !now.isBefore(t.expiresAt()));
		Optional<CodeRequest> latest = history.latestCodeRequest().filter((r) -> now.isBefore(r.expiresAt()));
		if (latest.isEmpty()) {
			return new Check(Check.Verdict.NO_CODE, 0, null);
		}
		CodeRequest request = latest.get();
		Tries here = this.tries.computeIfAbsent(request.requestId(), (id) -> new Tries(request.expiresAt()));
		synchronized (here) {
			Set<UUID> wrong = new HashSet<>(request.wrongTries());
			wrong.addAll(here.wrong);
			if (request.used() || here.used || wrong.size() >= MAX_WRONG) {
				return new Check(Check.Verdict.TOO_MANY, 0, null);
			}
			PaymentMethodCodeTried tried = new PaymentMethodCodeTried(UUID.randomUUID(), now, msisdn,
					request.requestId(), this.signer.isOneTimeCode(request.keyId(), request.requestId(), msisdn,
							request.expiresAt(), typed));
			if (tried.accepted()) {
				here.used = true;
				return new Check(Check.Verdict.ACCEPTED, 0, tried);
			}
			here.wrong.add(tried.eventId());
			int left = MAX_WRONG - wrong.size() - 1;
			return new Check((left > 0) ? Check.Verdict.WRONG : Check.Verdict.TOO_MANY, left, tried);
		}
	}

	/** The answer to a code request. */
	sealed interface Ask {

		/** Publish {@code request}: the notifier sends its code. */
		record Granted(PaymentMethodCodeRequested request) implements Ask {
		}

		/**
		 * Too many requests lately: the next one is possible after {@code retryAfter}.
		 */
		record TooSoon(Duration retryAfter) implements Ask {
		}

	}

	/**
	 * The answer to a typed code, with the tries left after a wrong one and the try to
	 * publish before answering (none when the code was not checked).
	 */
	record Check(Verdict verdict, int triesLeft, PaymentMethodCodeTried tried) {

		enum Verdict {

			ACCEPTED, WRONG, TOO_MANY, NO_CODE

		}

	}

	private static final class Tries {

		private final Instant expiresAt;

		private final Set<UUID> wrong = new HashSet<>();

		private boolean used;

		Tries(Instant expiresAt) {
			this.expiresAt = expiresAt;
		}

		Instant expiresAt() {
			return this.expiresAt;
		}

	}

}
