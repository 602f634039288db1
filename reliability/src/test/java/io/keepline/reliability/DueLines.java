package io.keepline.reliability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.standalone.MailOutbox;
import io.keepline.standalone.console.Email;
import io.keepline.standalone.seed.IngestClient;
import io.keepline.testsupport.Unique;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Lines registered through ingest as an operator integration registers them, due for a
 * reminder at once: valid for 5 more days with one stage 7 days before, for a holder in a
 * time zone where it is daytime now (the same choice as the standalone's end-to-end test,
 * whose helper is package-private test code of another module).
 */
public final class DueLines {

	/** One city per UTC offset, enough that one of them always has daytime. */
	private static final List<String> ZONES = List.of("Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles",
			"America/Denver", "America/Chicago", "America/New_York", "America/Sao_Paulo", "Atlantic/South_Georgia",
			"Atlantic/Azores", "Europe/London", "Europe/Brussels", "Europe/Athens", "Europe/Moscow", "Asia/Dubai",
			"Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane",
			"Pacific/Noumea", "Pacific/Auckland", "Pacific/Tongatapu", "Pacific/Kiritimati");

	private static final Pattern PAY_TOKEN = Pattern.compile("/pay/([A-Za-z0-9._~-]+)");

	/** The key {@link #register} uses, of {@link ServiceRun#OPERATOR_KEYS}. */
	public static final String ORANGE_KEY = "reliability-orange-key";

	private DueLines() {
	}

	/** Registers a fresh orange line whose holder reads email at {@code email}. */
	public static LineRegistered register(ServiceRun ingest, String email) {
		Msisdn msisdn = Unique.msisdn();
		LineRegistered line = new LineRegistered(UUID.randomUUID(), null, msisdn, OperatorId.of("orange"),
				"orange-prepaid-15", LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(5), Money.of(1500, "EUR"),
				new Holder("Abuse Test Holder", email, null, null, HolderLocale.EN, daytimeZone()), List.of(7), false);
		IngestClient.Outcome outcome = new IngestClient(ingest.url("").toString()).post(List.of(line), ORANGE_KEY);
		if (outcome.accepted() != 1) {
			throw new IllegalStateException("ingest did not accept the good line: " + outcome.errors());
		}
		return line;
	}

	/** The pay-link token of the first email to {@code email}, once one arrived. */
	public static Optional<String> payToken(MailOutbox smtp, String email) throws MessagingException {
		for (MimeMessage message : smtp.messages()) {
			if (message.getAllRecipients()[0].toString().contains(email)) {
				Email mail = Email.of(0, message);
				Matcher token = PAY_TOKEN.matcher(mail.text() + "\n" + mail.html());
				if (token.find()) {
					return Optional.of(token.group(1));
				}
			}
		}
		return Optional.empty();
	}

	/** A zone where it is now between 10:00 and 20:00, well inside the send window. */
	public static ZoneId daytimeZone() {
		Instant now = Instant.now();
		return ZONES.stream().map(ZoneId::of).filter((zone) -> {
			LocalTime local = now.atZone(zone).toLocalTime();
			return !local.isBefore(LocalTime.of(10, 0)) && local.isBefore(LocalTime.of(20, 0));
		}).findFirst().orElseThrow();
	}

}
