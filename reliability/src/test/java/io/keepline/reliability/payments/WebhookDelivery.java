package io.keepline.reliability.payments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One delivery of a Stripe event to the webhook, genuine or deliberately bad.
 */
record WebhookDelivery(StripeEvent event, Forgery forgery) {

	/** How a delivery is signed. */
	enum Forgery {

		/** Signed by Stripe now: must be answered 200. */
		NONE,

		/** Signed correctly six minutes ago, beyond the five minutes' tolerance: 400. */
		STALE,

		/** Signed with another endpoint's secret: 400. */
		WRONG_SECRET,

		/** Signed, then the body changed to name another line: 400. */
		TAMPERED

	}

	/** The deliveries in the order they are sent: a first wave, then a second. */
	record Waves(List<WebhookDelivery> first, List<WebhookDelivery> second) {

		int size() {
			return this.first.size() + this.second.size();
		}

	}

	/**
	 * Plans {@code total} deliveries of {@code events} as Stripe's retries make them:
	 * every event at least once and most several times, one in ten deliveries stale,
	 * signed with the wrong secret or tampered with, shuffled. Late events and some
	 * replays of the others go in the second wave, so that failures reach payments after
	 * the successes they must not undo.
	 */
	static Waves plan(List<StripeEvent> events, int total, Random random) {
		List<WebhookDelivery> first = new ArrayList<>();
		List<WebhookDelivery> second = new ArrayList<>();
		int forged = total / 10;
		int genuine = total - forged;
		for (int i = 0; i < genuine; i++) {
			StripeEvent event = events.get(i % events.size());
			boolean replay = i >= events.size();
			(event.late() || (replay && random.nextBoolean()) ? second : first)
				.add(new WebhookDelivery(event, Forgery.NONE));
		}
		List<StripeEvent> lines = events.stream().filter((event) -> event.msisdn() != null).toList();
		Forgery[] kinds = { Forgery.STALE, Forgery.WRONG_SECRET, Forgery.TAMPERED };
		for (int i = 0; i < forged; i++) {
			WebhookDelivery bad = new WebhookDelivery(lines.get(random.nextInt(lines.size())), kinds[i % kinds.length]);
			(random.nextBoolean() ? first : second).add(bad);
		}
		Collections.shuffle(first, random);
		Collections.shuffle(second, random);
		return new Waves(first, second);
	}

}
