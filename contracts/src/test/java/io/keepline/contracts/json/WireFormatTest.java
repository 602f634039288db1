package io.keepline.contracts.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.rejected.RejectedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The wire format of design.md is binding: every event type has a fixture that must parse
 * into its record and serialise back to the same JSON, and malformed input must name the
 * field at fault.
 */
class WireFormatTest {

	static Stream<Arguments> fixtures() {
		return Stream
			.of(fixture("line", LineEvent.class, "LineRegistered", "ValidityExtended", "HolderUpdated", "LineCancelled",
					"LineErased", "ReminderResendRequested"),
					fixture("deadline", DeadlineEvent.class, "ReminderDue", "AutoRenewalDue", "RenewalConfirmed",
							"LineLapsed", "LapseNoticeDue", "RefundDue"),
					fixture("payment", PaymentEvent.class, "PaymentSucceeded", "PaymentFailed", "PaymentRefunded",
							"PaymentProcessing", "PaymentDisputed", "PaymentMethodSaved", "PaymentMethodCodeRequested",
							"PaymentMethodCodeTried", "AutoRenewalStopped", "PaymentMethodRemoved", "TopUpReported"),
					fixture("notification", NotificationEvent.class, "NotificationSent", "NotificationFailed"),
					fixture("rejected", RejectedEvent.class, "EventRejected"))
			.flatMap((s) -> s);
	}

	private static Stream<Arguments> fixture(String topic, Class<?> sealedType, String... names) {
		return Stream.of(names).map((name) -> Arguments.of(topic + "/" + name, sealedType));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void fixtureParsesIntoItsRecordAndWritesBackTheSameJson(String fixture, Class<?> sealedType) {
		JsonNode expected = tree(fixture);

		Object event = EventJson.read(expected.toString(), sealedType);
		String written = EventJson.writeString(event, sealedType);

		assertThat(event.getClass().getSimpleName()).isEqualTo(fixture.substring(fixture.indexOf('/') + 1));
		assertThat(EventJson.mapper().readTree(written)).isEqualTo(expected);
		assertThat(EventJson.read(written, sealedType)).isEqualTo(event);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void unknownFieldsAreRejectedByName(String fixture, Class<?> sealedType) {
		assertMalformed(fixture, sealedType, (event) -> event.put("validUntill", "2026-12-31"), "validUntill",
				"unknown_field");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void anEventIdThatIsNoUuidIsNamed(String fixture, Class<?> sealedType) {
		assertMalformed(fixture, sealedType, (event) -> event.put("eventId", "42"), "eventId", "invalid_uuid");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void aMissingEventIdIsNamed(String fixture, Class<?> sealedType) {
		assertMalformed(fixture, sealedType, (event) -> event.remove("eventId"), "eventId", "required");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void anUnknownTypeIsNamed(String fixture, Class<?> sealedType) {
		assertMalformed(fixture, sealedType, (event) -> event.put("type", "LineStolen"), "type", "unknown_type");
	}

	/**
	 * Deadline events as the scheduler wrote them before issue 16, with the holder's
	 * contact and the card (recorded JSON in {@code legacy/}): still read, and written
	 * back without them, exactly as the current fixture.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ReminderDue", "AutoRenewalDue", "RenewalConfirmed", "LineLapsed", "LapseNoticeDue" })
	void deadlineEventsWrittenBeforeIssue16AreReadAndWrittenBackWithoutPersonalData(String type) {
		JsonNode legacy = resource("/legacy/deadline/" + type + ".json");
		assertThat(legacy.toString()).containsAnyOf("\"holder\"", "\"last4\"");

		DeadlineEvent event = EventJson.read(legacy.toString(), DeadlineEvent.class);
		String written = EventJson.writeString(event, DeadlineEvent.class);

		assertThat(EventJson.mapper().readTree(written)).isEqualTo(tree("deadline/" + type));
		assertThat(written).doesNotContain("holder", "li@example.com", "Li Wei", "last4", "4242", "visa", "locale");
	}

	static Stream<Arguments> typeSpecificMalformations() {
		return Stream.of(malformed("line/LineRegistered", (e) -> e.put("msisdn", "0470123456"), "msisdn", "not_e164"),
				malformed("line/LineRegistered", (e) -> e.put("msisdn", "+3200000"), "msisdn", "invalid_msisdn"),
				malformed(
						"line/LineRegistered", (e) -> e.put("validUntil", "2026-02-30"), "validUntil", "invalid_date"),
				malformed("line/LineRegistered", (e) -> e.remove("plan"), "plan", "required"),
				malformed("line/LineRegistered", (e) -> e.put("operator", "Orange Belgium"), "operator",
						"invalid_operator"),
				malformed("line/LineRegistered", (e) -> object(e, "renewalPrice").put("currency", "EURO"),
						"renewalPrice.currency", "invalid_currency"),
				malformed("line/LineRegistered", (e) -> object(e, "renewalPrice").put("amountCents", 0),
						"renewalPrice.amountCents", "not_positive"),
				malformed("line/LineRegistered", (e) -> object(e, "holder").put("timeZone", "Mars/Olympus"),
						"holder.timeZone", "invalid_time_zone"),
				malformed("line/LineRegistered", (e) -> object(e, "holder").put("locale", "es"), "holder.locale",
						"unsupported_value"),
				malformed("line/LineRegistered", (e) -> object(e, "holder").put("sms", "+861"), "holder.sms",
						"not_e164"),
				malformed("line/LineRegistered", (e) -> e.put("autoRenew", "yes"), "autoRenew", "wrong_type"),
				malformed("line/ValidityExtended", (e) -> e.remove("validUntil"), "validUntil", "required"),
				malformed("line/HolderUpdated", (e) -> object(e, "holder").remove("locale"), "holder.locale",
						"required"),
				malformed("line/LineCancelled", (e) -> e.remove("operator"), "operator", "required"),
				malformed("line/LineErased", (e) -> e.put("msisdn", 32470123456L), "msisdn", "wrong_type"),
				malformed("deadline/ReminderDue", (e) -> e.put("trigger", "whenever"), "trigger", "unsupported_value"),
				malformed("deadline/ReminderDue", (e) -> e.remove("dueAt"), "dueAt", "required"),
				malformed("deadline/AutoRenewalDue", (e) -> e.put("attempt", 0), "attempt", "not_positive"),
				malformed("deadline/AutoRenewalDue", (e) -> object(e, "paymentMethod").remove("customerId"),
						"paymentMethod.customerId", "required"),
				malformed("deadline/RenewalConfirmed", (e) -> e.remove("amount"), "amount", "required"),
				malformed("deadline/LineLapsed", (e) -> e.remove("validUntil"), "validUntil", "required"),
				malformed("deadline/LapseNoticeDue", (e) -> e.remove("lapsedAt"), "lapsedAt", "required"),
				malformed("deadline/RefundDue", (e) -> e.remove("paymentIntentId"), "paymentIntentId", "required"),
				malformed("payment/PaymentSucceeded", (e) -> e.put("source", "cash"), "source", "unsupported_value"),
				malformed("payment/PaymentFailed", (e) -> e.remove("reason"), "reason", "required"),
				malformed("payment/PaymentRefunded", (e) -> e.put("occurredAt", "yesterday"), "occurredAt",
						"wrong_type"),
				malformed("payment/PaymentProcessing", (e) -> e.remove("paymentIntentId"), "paymentIntentId",
						"required"),
				malformed("payment/PaymentDisputed", (e) -> e.remove("disputeId"), "disputeId", "required"),
				malformed("payment/PaymentMethodSaved", (e) -> e.remove("paymentMethod"), "paymentMethod", "required"),
				malformed("notification/NotificationSent", (e) -> e.put("channel", "pigeon"), "channel",
						"unsupported_value"),
				malformed("notification/NotificationFailed", (e) -> e.remove("notificationId"), "notificationId",
						"required"),
				malformed("rejected/EventRejected", (e) -> e.remove("source"), "source", "required"));
	}

	private static Arguments malformed(String fixture, Consumer<ObjectNode> change, String field, String reason) {
		return Arguments.of(fixture, change, field, reason);
	}

	@ParameterizedTest(name = "{0}: {2} {3}")
	@MethodSource("typeSpecificMalformations")
	void malformedInputNamesTheField(String fixture, Consumer<ObjectNode> change, String field, String reason) {
		assertMalformed(fixture, sealedTypeOf(fixture), change, field, reason);
	}

	@Test
	void aRegistrationWithoutAutoRenewIsNotOptedIn() {
		ObjectNode event = (ObjectNode) tree("line/LineRegistered");
		event.remove("autoRenew");

		LineRegistered registered = (LineRegistered) EventJson.read(event.toString(), LineEvent.class);

		assertThat(registered.autoRenew()).isFalse();
		assertThat(EventJson.mapper()
			.readTree(EventJson.writeString(registered, LineEvent.class))
			.get("autoRenew")
			.booleanValue()).isFalse();
	}

	@Test
	void malformedJsonIsReportedAtTheRoot() {
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> EventJson.read("{\"type\": \"LineErased\",", LineEvent.class))
			.satisfies((ex) -> assertThat(ex.error().reason()).isEqualTo("malformed_json"));
	}

	@Test
	void errorMessagesNeverRepeatTheOffendingValue() {
		ObjectNode event = (ObjectNode) tree("line/LineRegistered");
		object(event, "holder").put("sms", "+86-secret-number");
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> EventJson.read(event.toString(), LineEvent.class))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secret"));
	}

	private static void assertMalformed(String fixture, Class<?> sealedType, Consumer<ObjectNode> change, String field,
			String reason) {
		ObjectNode event = (ObjectNode) tree(fixture);
		change.accept(event);
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> EventJson.read(event.toString(), sealedType))
			.satisfies((ex) -> assertThat(ex.error().field()).isEqualTo(field))
			.satisfies((ex) -> assertThat(ex.error().reason()).isEqualTo(reason));
	}

	private static Class<?> sealedTypeOf(String fixture) {
		String topic = fixture.substring(0, fixture.indexOf('/'));
		return switch (topic) {
			case "line" -> LineEvent.class;
			case "deadline" -> DeadlineEvent.class;
			case "payment" -> PaymentEvent.class;
			case "notification" -> NotificationEvent.class;
			case "rejected" -> RejectedEvent.class;
			default -> throw new IllegalArgumentException(topic);
		};
	}

	private static ObjectNode object(ObjectNode parent, String field) {
		return (ObjectNode) parent.get(field);
	}

	private static JsonNode tree(String fixture) {
		return resource("/fixtures/" + fixture + ".json");
	}

	private static JsonNode resource(String path) {
		try (InputStream in = WireFormatTest.class.getResourceAsStream(path)) {
			assertThat(in).as("resource %s", path).isNotNull();
			return EventJson.mapper().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
