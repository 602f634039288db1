package io.keepline.scheduler.deadline;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.keepline.contracts.CycleId;

/**
 * Deterministic event ids (name-based UUIDs of cycle and deadline), so that an event
 * produced again after a crash carries the same id and downstream deduplication works.
 */
final class DeadlineIds {

	private DeadlineIds() {
	}

	static UUID of(CycleId cycle, String what) {
		return UUID
			.nameUUIDFromBytes(("keepline:deadline:" + cycle.asString() + ":" + what).getBytes(StandardCharsets.UTF_8));
	}

}
