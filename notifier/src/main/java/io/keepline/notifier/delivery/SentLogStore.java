package io.keepline.notifier.delivery;

import java.util.Map;

/**
 * Where the {@link SentLog} keeps its entries, with the positions up to which
 * notification-events was read into it (partition to next offset), so that a restart
 * reads only what is new.
 */
public interface SentLogStore {

	boolean contains(String key);

	void add(String key);

	/** About how many entries the store holds. */
	long size();

	Map<Integer, Long> positions();

	/** Remembers read positions; called after the entries up to them were added. */
	void advance(Map<Integer, Long> positions);

}
