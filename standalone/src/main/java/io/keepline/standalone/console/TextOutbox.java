package io.keepline.standalone.console;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The SMS and webhook deliveries the console received in place of a real SMS provider or
 * holder endpoint, newest first, bounded.
 */
@Component
public class TextOutbox {

	static final int MAX = 500;

	private final Deque<Delivery> deliveries = new ArrayDeque<>();

	private final AtomicLong ids = new AtomicLong();

	/** One SMS or webhook call as it arrived. */
	public record Delivery(long id, Instant at, String kind, String to, String body, Map<String, String> headers) {

	}

	synchronized Delivery add(String kind, String to, String body, Map<String, String> headers) {
		Delivery delivery = new Delivery(this.ids.incrementAndGet(), Instant.now(), kind, to, body, headers);
		this.deliveries.addFirst(delivery);
		if (this.deliveries.size() > MAX) {
			this.deliveries.removeLast();
		}
		return delivery;
	}

	/** Drops every delivery to one of {@code addresses} (an erased holder's). */
	synchronized void forget(List<String> addresses) {
		this.deliveries.removeIf((delivery) -> addresses.contains(delivery.to()));
	}

	public synchronized List<Delivery> all() {
		return List.copyOf(this.deliveries);
	}

	public synchronized List<Delivery> to(String address) {
		return this.deliveries.stream().filter((d) -> address != null && address.equals(d.to())).toList();
	}

}
