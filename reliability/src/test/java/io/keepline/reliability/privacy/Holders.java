package io.keepline.reliability.privacy;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Channel;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.reliability.DueLines;
import io.keepline.standalone.seed.LineSeed;
import io.keepline.testsupport.Unique;

/**
 * The holders the scenario registers, each with distinctive personal data (non-ASCII
 * names, a unique number and address) and due for a reminder at once on one channel:
 * email (then paid through the sandbox), SMS, webhook, email and then erased, or a
 * webhook whose host cannot be reached (its reminder stays in the notifier's retry
 * topics).
 */
final class Holders {

	static final List<String> NAMES = List.of("Zoë Ångström-Vandermeulen", "Łukasz Żółkiewski", "李小龍",
			"Ólafur Ragnarsdóttir", "Søren Kierkegaard-Nørby", "Renée O'Connor-Dupré", "Nguyễn Thị Minh Khai",
			"Αλέξανδρος Παπαδόπουλος", "Đorđe Šćepanović-Ğündüz", "Ingrid Østergård-Blåbær");

	/** What happens to a holder's line in the run. */
	enum Fate {

		PAID(Channel.EMAIL), SMS(Channel.SMS), WEBHOOK(Channel.WEBHOOK), ERASED(Channel.EMAIL),
		RETRIED(Channel.WEBHOOK);

		private final Channel channel;

		Fate(Channel channel) {
			this.channel = channel;
		}

		Channel channel() {
			return this.channel;
		}

	}

	/** A line to register, what happens to it and the operator key that registers it. */
	record Line(LineRegistered event, Fate fate, String operatorKey) {

		Msisdn msisdn() {
			return this.event.msisdn();
		}

	}

	private static final String[][] OPERATORS = { { "orange", "orange-prepaid-15", "demo-orange-key", "1500" },
			{ "proximus", "proximus-pickup-10", "demo-proximus-key", "1000" },
			{ "base", "base-prepaid-5", "demo-base-key", "500" } };

	private Holders() {
	}

	/**
	 * {@code count} lines, the fates in turn, webhooks delivered to the console's outbox.
	 */
	static List<Line> lines(int count, String consoleUrl) {
		String run = UUID.randomUUID().toString().substring(0, 6);
		ZoneId zone = DueLines.daytimeZone();
		LocalDate validUntil = LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(5);
		List<Line> lines = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Fate fate = Fate.values()[i % Fate.values().length];
			String[] operator = OPERATORS[i % OPERATORS.length];
			Msisdn msisdn = Unique.msisdn();
			String name = NAMES.get(i % NAMES.size());
			String email = (fate.channel() == Channel.EMAIL) ? "holder." + run + "." + i + "@example.org" : null;
			Msisdn sms = (fate == Fate.SMS) ? Unique.msisdn() : null;
			URI webhook = switch (fate) {
				case WEBHOOK -> URI.create(consoleUrl + LineSeed.WEBHOOK_PATH + msisdn.value().substring(1));
				// .invalid never resolves (RFC 6761): the call fails as unreachable
				case RETRIED -> URI.create("https://hooks-" + run + ".invalid/keepline/" + msisdn.value().substring(1));
				default -> null;
			};
			HolderLocale locale = HolderLocale.values()[i % HolderLocale.values().length];
			LineRegistered event = new LineRegistered(UUID.randomUUID(), null, msisdn, OperatorId.of(operator[0]),
					operator[1], validUntil, Money.of(Long.parseLong(operator[3]), "EUR"),
					new Holder(name, email, sms, webhook, locale, zone), List.of(7), false);
			lines.add(new Line(event, fate, operator[2]));
		}
		return lines;
	}

}
