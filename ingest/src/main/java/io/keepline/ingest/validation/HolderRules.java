package io.keepline.ingest.validation;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import tools.jackson.databind.JsonNode;

/**
 * Rules for the nested parts of a line event: the holder, the renewal price and the lead
 * days.
 */
final class HolderRules {

	static final int MAX_LEAD_DAYS = 10;

	static final int MAX_LEAD_DAY = 365;

	private static final Set<String> HOLDER_FIELDS = Set.of("name", "email", "sms", "webhookUrl", "locale", "timeZone");

	private static final Set<String> PRICE_FIELDS = Set.of("amountCents", "currency");

	private HolderRules() {
	}

	static Holder holder(JsonNode node, Problems problems) {
		int before = problems.size();
		Fields.rejectUnknown(node, HOLDER_FIELDS, "holder.", problems);
		String name = Fields.text(node, "name", "holder.name", false, 200, problems);
		String emailText = Fields.string(node, "email", "holder.email", false, 254, problems);
		String email = (emailText != null) ? Formats.email(emailText, "holder.email", problems) : null;
		String smsText = Fields.string(node, "sms", "holder.sms", false, 32, problems);
		Msisdn sms = (smsText != null) ? Phones.mobile(smsText, "holder.sms", problems) : null;
		String urlText = Fields.string(node, "webhookUrl", "holder.webhookUrl", false, 2048, problems);
		URI webhookUrl = (urlText != null) ? Formats.webhookUrl(urlText, "holder.webhookUrl", problems) : null;
		String localeText = Fields.string(node, "locale", "holder.locale", true, 16, problems);
		HolderLocale locale = (localeText != null) ? Formats.locale(localeText, "holder.locale", problems) : null;
		String zoneText = Fields.string(node, "timeZone", "holder.timeZone", true, 64, problems);
		ZoneId zone = (zoneText != null) ? Formats.timeZone(zoneText, "holder.timeZone", problems) : null;
		if (Fields.present(node, "email") == null && Fields.present(node, "sms") == null
				&& Fields.present(node, "webhookUrl") == null) {
			problems.add("holder", Reasons.NO_CHANNEL);
		}
		return (problems.size() == before) ? new Holder(name, email, sms, webhookUrl, locale, zone) : null;
	}

	static Money price(JsonNode node, Problems problems) {
		int before = problems.size();
		Fields.rejectUnknown(node, PRICE_FIELDS, "renewalPrice.", problems);
		JsonNode amount = Fields.present(node, "amountCents");
		if (amount == null) {
			problems.add("renewalPrice.amountCents", Reasons.REQUIRED);
		}
		else if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
			problems.add("renewalPrice.amountCents", Reasons.WRONG_TYPE);
		}
		else if (amount.longValue() <= 0) {
			problems.add("renewalPrice.amountCents", Reasons.NOT_POSITIVE);
		}
		String code = Fields.string(node, "currency", "renewalPrice.currency", true, 16, problems);
		if (code != null) {
			Formats.currency(code, "renewalPrice.currency", problems);
		}
		return (problems.size() == before) ? Money.of(amount.longValue(), code) : null;
	}

	/** Lead days: 1 to 10 distinct days, each 1 to 365; null when absent. */
	static List<Integer> leadDays(JsonNode parent, Problems problems) {
		JsonNode node = Fields.present(parent, "leadDays");
		if (node == null) {
			return null;
		}
		if (!node.isArray()) {
			problems.add("leadDays", Reasons.WRONG_TYPE);
			return null;
		}
		if (node.isEmpty()) {
			problems.add("leadDays", Reasons.LEAD_DAYS_EMPTY);
			return null;
		}
		if (node.size() > MAX_LEAD_DAYS) {
			problems.add("leadDays", Reasons.LEAD_DAYS_TOO_MANY);
			return null;
		}
		int before = problems.size();
		List<Integer> days = new ArrayList<>(node.size());
		boolean[] seen = new boolean[MAX_LEAD_DAY + 1];
		for (int i = 0; i < node.size(); i++) {
			JsonNode day = node.get(i);
			if (!day.isIntegralNumber()) {
				problems.add("leadDays[" + i + "]", Reasons.WRONG_TYPE);
			}
			else if (!day.canConvertToInt() || day.intValue() < 1 || day.intValue() > MAX_LEAD_DAY) {
				problems.add("leadDays[" + i + "]", Reasons.LEAD_DAYS_OUT_OF_RANGE);
			}
			else if (seen[day.intValue()]) {
				problems.add("leadDays[" + i + "]", Reasons.LEAD_DAYS_DUPLICATE);
			}
			else {
				seen[day.intValue()] = true;
				days.add(day.intValue());
			}
		}
		return (problems.size() == before) ? days : null;
	}

}
