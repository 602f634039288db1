package io.keepline.testsupport;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.keepline.contracts.Msisdn;

/**
 * Names and numbers no other test uses, so that tests sharing one broker never see each
 * other's data.
 */
public final class Unique {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

	private Unique() {
	}

	/**
	 * {@code prefix} followed by a random suffix: for topic, group and transactional ids.
	 */
	public static String name(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A valid Belgian mobile number (+32 47x …) not handed out before in this JVM. */
	public static Msisdn msisdn() {
		int next = Math.floorMod(SEQUENCE.getAndIncrement(), 10_000_000);
		return Msisdn.of(String.format("+3247%07d", next));
	}

}
