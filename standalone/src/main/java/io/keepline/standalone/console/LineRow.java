package io.keepline.standalone.console;

import java.time.Instant;

/** A line as one row of the console's table. */
public record LineRow(LineCard card, String msisdn, String state, String validUntil, String price, String channels,
		String holderZone, String nextDeadline) {

	static LineRow of(LineCard card, Instant now) {
		String channels = (card.holder() != null) ? String.join(", ",
				card.holder().channels().stream().map((channel) -> channel.name().toLowerCase()).toList()) : "";
		String zone = (card.holder() != null) ? card.holder().locale().code() + " · " + card.holder().timeZone().getId()
				: "";
		return new LineRow(card, card.msisdn(), card.state().label(),
				(card.validUntil() != null) ? card.validUntil().toString() : "", EventSummaries.money(card.price()),
				channels + (card.autoRenew() ? " · auto-renew" : ""), zone, NextDeadline.describe(card, now));
	}

}
