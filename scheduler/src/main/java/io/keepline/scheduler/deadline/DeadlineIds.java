package io.keepline.scheduler.deadline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import io.keepline.contracts.CycleId;

/**
 * Deterministic event ids (name-based UUIDs of cycle and deadline), so that an event
 * produced again after a crash carries the same id and downstream deduplication works.
 * The ids are those of {@link UUID#nameUUIDFromBytes}, made with one MD5 digest per
 * thread instead of a provider lookup for every id.
 */
final class DeadlineIds {

	private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(DeadlineIds::md5);

	private DeadlineIds() {
	}

	static UUID of(CycleId cycle, String what) {
		byte[] hash = MD5.get()
			.digest(("keepline:deadline:" + cycle.asString() + ":" + what).getBytes(StandardCharsets.UTF_8));
		// version 3 (name-based, MD5) and the IETF variant, as UUID.nameUUIDFromBytes
		// sets
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		ByteBuffer bits = ByteBuffer.wrap(hash);
		return new UUID(bits.getLong(), bits.getLong());
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is not available", ex);
		}
	}

}
