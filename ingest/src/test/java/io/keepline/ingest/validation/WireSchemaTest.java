package io.keepline.ingest.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.samples.EventSamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Ingest reads the wire format that contracts declares, not a copy of it: fields added to
 * a contracts record are accepted and checked by their type without a change to ingest,
 * through the very reading that validates line-events ({@link TrialEvent} stands for
 * contracts with new fields).
 */
class WireSchemaTest {

	static final Instant NOW = LineEventValidatorTest.NOW;

	static final OperatorId ORANGE = LineEventValidatorTest.ORANGE;

	final LineEventValidator validator = new LineEventValidator((msisdn) -> null,
			WireSchema.of(TrialEvent.class, FieldRules.LINE_EVENTS));

	@Test
	void acceptsFieldsAddedToAContractRecordAndBuildsTheRecordWithThem() {
		ObjectNode item = registration();

		LineEventValidator.Item read = read(item);

		assertThat(read.event()).isInstanceOfSatisfying(TrialEvent.Registered.class, (event) -> {
			assertThat(event.graceDays()).isEqualTo(3);
			assertThat(event.paperless()).isTrue();
			assertThat(event.contact()).isEqualTo(new TrialEvent.Contact("pager-7", Msisdn.of("+32470999999")));
			assertThat(event.plan()).isEqualTo("orange-prepaid-15");
		});
	}

	@Test
	void checksAddedFieldsByTheirTypeAndNamesEachProblem() {
		ObjectNode item = registration().put("graceDays", "three").put("paperless", 1);
		((ObjectNode) item.get("contact")).put("sms", "0470").put("fax", "x");

		assertThat(read(item).event()).isNull();
		assertThat(problems(item)).containsExactlyInAnyOrder(new FieldError("graceDays", Reasons.WRONG_TYPE),
				new FieldError("paperless", Reasons.WRONG_TYPE), new FieldError("contact.sms", Reasons.NOT_E164),
				new FieldError("contact.fax", Reasons.UNKNOWN_FIELD));
	}

	@Test
	void keepsIngestsOwnRulesOnTheFieldsContractsAlreadyHad() {
		ObjectNode item = registration().put("plan", " ");
		LineEventValidatorTest.holder(item).remove("locale");

		assertThat(problems(item)).containsExactlyInAnyOrder(new FieldError("plan", Reasons.BLANK),
				new FieldError("holder.locale", Reasons.REQUIRED));
	}

	@Test
	void reportsARuleOfTheContractRecordThatIngestDoesNotKnow() {
		ObjectNode item = registration();
		item.remove("paperless");

		assertThat(problems(item)).containsExactly(new FieldError("paperless", Reasons.REQUIRED));
	}

	@Test
	void acceptsAnEventTypeAddedToTheSealedInterfaceUnderItsJacksonTypeId() {
		ObjectNode item = Samples.parse("""
				{"type": "LinePaused", "eventId": "0d9e2a4c-1f6b-4c38-a2d5-7e8f9a0b1c2d",
				 "msisdn": "+32470123456", "operator": "orange", "until": "2027-01-31"}""");

		assertThat(read(item).event())
			.isEqualTo(new TrialEvent.Paused(UUID.fromString("0d9e2a4c-1f6b-4c38-a2d5-7e8f9a0b1c2d"), null,
					Msisdn.of("+32470123456"), ORANGE, LocalDate.parse("2027-01-31")));
		assertThat(problems(item.put("until", "soon"))).containsExactly(new FieldError("until", Reasons.INVALID_DATE));
	}

	@Test
	void offersAddedFieldsAsCsvColumns() {
		assertThat(WireSchema.of(TrialEvent.class, FieldRules.LINE_EVENTS).fields()).contains(
				entry("graceDays", WireKind.INTEGER), entry("paperless", WireKind.BOOLEAN),
				entry("contact.pager", WireKind.TEXT), entry("until", WireKind.TEXT));
	}

	@Test
	void namesEveryLineEventTypeByTheTypeIdContractsWrites() {
		for (LineEvent sample : EventSamples.everyPermitted(LineEvent.class)) {
			String written = EventJson.mapper()
				.readTree(EventJson.write(sample, LineEvent.class))
				.get("type")
				.stringValue();

			assertThat(WireSchema.typeId(LineEvent.class, sample.getClass())).isEqualTo(written);
		}
	}

	@Test
	void derivesTheLineEventsFieldsIngestHasAlwaysTaken() {
		assertThat(LineEventValidator.fields()).containsOnly(entry("type", WireKind.TEXT),
				entry("eventId", WireKind.TEXT), entry("occurredAt", WireKind.TEXT), entry("msisdn", WireKind.TEXT),
				entry("operator", WireKind.TEXT), entry("plan", WireKind.TEXT), entry("validUntil", WireKind.TEXT),
				entry("renewalPrice.amountCents", WireKind.INTEGER), entry("renewalPrice.currency", WireKind.TEXT),
				entry("holder.name", WireKind.TEXT), entry("holder.email", WireKind.TEXT),
				entry("holder.sms", WireKind.TEXT), entry("holder.webhookUrl", WireKind.TEXT),
				entry("holder.locale", WireKind.TEXT), entry("holder.timeZone", WireKind.TEXT),
				entry("leadDays", WireKind.INTEGER_LIST), entry("autoRenew", WireKind.BOOLEAN),
				entry("reason", WireKind.TEXT));
	}

	@Test
	void refusesToStartWithARuleOnAFieldContractsDoesNotHave() {
		FieldRules stale = new FieldRules().require(LineRegistered.class, "renewalDate");

		assertThatIllegalStateException().isThrownBy(() -> WireSchema.of(LineEvent.class, stale))
			.withMessageContaining("LineRegistered.renewalDate");
	}

	LineEventValidator.Item read(ObjectNode item) {
		return this.validator.read(item, ORANGE, new Reading(NOW));
	}

	List<FieldError> problems(ObjectNode item) {
		Reading reading = new Reading(NOW);
		this.validator.read(item, ORANGE, reading);
		return reading.problems().list();
	}

	static ObjectNode registration() {
		ObjectNode item = Samples.lineRegistered();
		item.put("graceDays", 3).put("paperless", true);
		item.putObject("contact").put("pager", "pager-7").put("sms", "+32470999999");
		return item;
	}

}
