package io.keepline.standalone.seed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.support.plans.Plans;

/**
 * One demo line of {@code lines.yml}. Its validity is relative ({@code validInDays} from
 * today) so that a fresh start always has reminders due now and others later; a
 * {@code webhook: true} holder gets a webhook URL in the console's outbox.
 */
public record LineSeed(String msisdn, String operator, String plan, int validInDays, String name, String email,
		String sms, boolean webhook, String locale, String timeZone, List<Integer> leadDays, boolean autoRenew) {

	/** Path under the console that receives seeded holders' webhooks. */
	public static final String WEBHOOK_PATH = "/outbox/webhooks/";

	@SuppressWarnings("unchecked")
	static LineSeed of(Map<String, Object> item) {
		Map<String, Object> holder = SeedCatalogue.map(item, "holder");
		List<Integer> leadDays = (item.get("leadDays") instanceof List<?> days) ? (List<Integer>) days : null;
		return new LineSeed(SeedCatalogue.text(item, "msisdn"), SeedCatalogue.text(item, "operator"),
				SeedCatalogue.text(item, "plan"), (int) SeedCatalogue.number(item, "validInDays"),
				(String) holder.get("name"), (String) holder.get("email"), (String) holder.get("sms"),
				Boolean.TRUE.equals(holder.get("webhook")), SeedCatalogue.text(holder, "locale"),
				SeedCatalogue.text(holder, "timeZone"), leadDays, Boolean.TRUE.equals(item.get("autoRenew")));
	}

	/**
	 * The {@code LineRegistered} an operator integration would send for this line today,
	 * with an event id fixed by the seed version so a replay is recognisable.
	 */
	LineRegistered toEvent(Plans.Plan plan, LocalDate today, String consoleUrl, String fingerprint) {
		Msisdn number = Msisdn.of(this.msisdn);
		URI webhookUrl = this.webhook ? URI.create(consoleUrl + WEBHOOK_PATH + number.value().substring(1)) : null;
		Holder holder = new Holder(this.name, this.email, (this.sms != null) ? Msisdn.of(this.sms) : null, webhookUrl,
				HolderLocale.fromCode(this.locale), ZoneId.of(this.timeZone));
		UUID eventId = UUID
			.nameUUIDFromBytes(("keepline-seed:" + fingerprint + ":" + this.msisdn).getBytes(StandardCharsets.UTF_8));
		return new LineRegistered(eventId, null, number, OperatorId.of(this.operator), this.plan,
				today.plusDays(this.validInDays), plan.price(), holder, this.leadDays, this.autoRenew);
	}

}
