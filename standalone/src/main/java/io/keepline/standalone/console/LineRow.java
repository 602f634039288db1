package io.keepline.standalone.console;

import java.util.Locale;

import io.keepline.contracts.Holder;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;

/**
 * A line as the console shows it, from its line record: the holder's contact only as the
 * channels it reaches them on, a saved card by its brand and expiry.
 */
public record LineRow(String msisdn, String operator, String plan, String state, String stateClass, String validUntil,
		String price, String channels, String holderZone, String autoRenew) {

	static LineRow of(LineRecord line) {
		Holder holder = line.holder();
		String channels = String.join(", ",
				holder.channels().stream().map((channel) -> channel.name().toLowerCase(Locale.ROOT)).toList());
		String state = line.cycleState().name().toLowerCase(Locale.ROOT);
		return new LineRow(line.msisdn().value(), line.operator().value(), line.plan(), state.replace('_', ' '),
				"s-" + state.replace('_', '-'), line.validUntil().toString(), EventSummaries.money(line.price()),
				channels, holder.locale().code() + " · " + holder.timeZone().getId(), autoRenew(line.autoRenewal()));
	}

	private static String autoRenew(AutoRenewal renewal) {
		if (!renewal.operatorAllows()) {
			return "off";
		}
		SavedMethod card = renewal.method();
		String saved = (card != null)
				? card.brand() + " card saved"
						+ ((card.expMonth() >= 1) ? ", expires " + card.expMonth() + "/" + card.expYear() : "")
				: "no card";
		return (renewal.active() ? "on" : renewal.holderOptedIn() ? "opted in" : "allowed, holder not opted in") + " · "
				+ saved;
	}

}
