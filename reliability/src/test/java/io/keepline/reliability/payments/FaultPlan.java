package io.keepline.reliability.payments;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.keepline.reliability.payments.StripeFault.CONNECTION_RESET;
import static io.keepline.reliability.payments.StripeFault.LATE_ANSWER;
import static io.keepline.reliability.payments.StripeFault.SERVER_ERROR;

/**
 * Which faults the Stripe stand-in injects: every third idempotency key it sees meets the
 * next entry of a fixed list, applied to that key's first requests in order, and later
 * requests of the key pass. Deterministic, so every run injects the same mix; the list
 * holds single faults, faults in a row, and an outage longer than stripe-java's own
 * retries.
 */
final class FaultPlan {

	private static final List<List<StripeFault>> FAULTS = List.of(List.of(SERVER_ERROR), List.of(LATE_ANSWER),
			List.of(CONNECTION_RESET), List.of(SERVER_ERROR, LATE_ANSWER), List.of(CONNECTION_RESET, CONNECTION_RESET),
			List.of(LATE_ANSWER, SERVER_ERROR, CONNECTION_RESET), Collections.nCopies(4, SERVER_ERROR),
			List.of(LATE_ANSWER), List.of(SERVER_ERROR), List.of(CONNECTION_RESET));

	private static final int EVERY = 3;

	private final List<List<StripeFault>> faults;

	private final Map<String, Deque<StripeFault>> pending = new HashMap<>();

	private FaultPlan(List<List<StripeFault>> faults) {
		this.faults = faults;
	}

	/** The list above, in turn. */
	static FaultPlan rotating() {
		return new FaultPlan(FAULTS);
	}

	/** No faults at all. */
	static FaultPlan none() {
		return new FaultPlan(List.of());
	}

	/**
	 * The fault for the next request carrying {@code idempotencyKey}, or null; a request
	 * without a key is never faulted.
	 */
	synchronized StripeFault next(String idempotencyKey) {
		if (idempotencyKey == null) {
			return null;
		}
		Deque<StripeFault> faults = this.pending.computeIfAbsent(idempotencyKey,
				(key) -> new ArrayDeque<>(plan(this.pending.size())));
		return faults.poll();
	}

	private List<StripeFault> plan(int keysSeen) {
		if (this.faults.isEmpty() || keysSeen % EVERY != 1) {
			return List.of();
		}
		return this.faults.get((keysSeen / EVERY) % this.faults.size());
	}

}
