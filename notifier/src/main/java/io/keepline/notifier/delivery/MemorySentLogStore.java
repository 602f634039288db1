package io.keepline.notifier.delivery;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SentLogStore} in the heap, without expiry: for tests and embedding. */
final class MemorySentLogStore implements SentLogStore {

	private final Set<String> keys = ConcurrentHashMap.newKeySet();

	private final Map<Integer, Long> positions = new ConcurrentHashMap<>();

	@Override
	public boolean contains(String key) {
		return this.keys.contains(key);
	}

	@Override
	public void add(String key) {
		this.keys.add(key);
	}

	@Override
	public long size() {
		return this.keys.size();
	}

	@Override
	public Map<Integer, Long> positions() {
		return Map.copyOf(this.positions);
	}

	@Override
	public void advance(Map<Integer, Long> positions) {
		this.positions.putAll(positions);
	}

}
