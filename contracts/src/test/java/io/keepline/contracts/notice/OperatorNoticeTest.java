package io.keepline.contracts.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.json.MalformedEventException;
import io.keepline.contracts.samples.EventSamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The wire format of operator notices: what operators read from their topic and webhook.
 */
class OperatorNoticeTest {

	@Test
	void everyNoticeTypeHasAFixtureThatWritesBackTheSameJson() {
		List<OperatorNotice> samples = EventSamples.everyPermitted(OperatorNotice.class);

		assertThat(samples).extracting(Object::getClass).containsExactly(OperatorNotice.class.getPermittedSubclasses());
		for (OperatorNotice notice : samples) {
			JsonNode expected = tree(notice.getClass().getSimpleName());
			String written = EventJson.writeString(notice, OperatorNotice.class);
			assertThat(EventJson.mapper().readTree(written)).as(notice.getClass().getSimpleName()).isEqualTo(expected);
			assertThat(notice.eventId()).isEqualTo(notice.noticeId());
		}
	}

	@Test
	void noNoticeCarriesHolderContactOrAPayload() {
		for (OperatorNotice notice : EventSamples.everyPermitted(OperatorNotice.class)) {
			JsonNode written = EventJson.mapper().readTree(EventJson.writeString(notice, OperatorNotice.class));
			assertThat(written.propertyNames()).as(notice.getClass().getSimpleName())
				.doesNotContain("holder", "payload", "eventId");
		}
	}

	@Test
	void theIdOfANoticeFollowsFromItsSourceEventAndKind() {
		UUID source = UUID.randomUUID();

		assertThat(OperatorNotice.idFor("RenewalPaid", source)).isEqualTo(OperatorNotice.idFor("RenewalPaid", source))
			.isNotEqualTo(OperatorNotice.idFor("RenewalNotApplied", source))
			.isNotEqualTo(OperatorNotice.idFor("RenewalPaid", UUID.randomUUID()));
	}

	@Test
	void aRenewalPaidWrittenBeforeTheLateSettlementFlagReadsAsSettledInTime() {
		ObjectNode older = (ObjectNode) tree("RenewalPaid");
		older.remove("settledAfterLapse");
		ObjectNode late = (ObjectNode) tree("RenewalPaid");
		late.put("settledAfterLapse", true);

		assertThat(EventJson.read(older.toString(), OperatorNotice.class)).isInstanceOfSatisfying(RenewalPaid.class,
				(paid) -> assertThat(paid.settledAfterLapse()).isFalse());
		assertThat(EventJson.read(late.toString(), OperatorNotice.class)).isInstanceOfSatisfying(RenewalPaid.class,
				(paid) -> assertThat(paid.settledAfterLapse()).isTrue());
	}

	@Test
	void unknownFieldsAndMissingIdsAreNamed() {
		ObjectNode unknown = (ObjectNode) tree("RenewalPaid");
		unknown.put("holder", "x");
		ObjectNode missing = (ObjectNode) tree("RenewalPaid");
		missing.remove("noticeId");

		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> EventJson.read(unknown.toString(), OperatorNotice.class))
			.satisfies((ex) -> assertThat(ex.error().field()).isEqualTo("holder"));
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> EventJson.read(missing.toString(), OperatorNotice.class))
			.satisfies((ex) -> assertThat(ex.error().field()).isEqualTo("noticeId"));
	}

	private static JsonNode tree(String name) {
		try (InputStream in = OperatorNoticeTest.class.getResourceAsStream("/fixtures/notice/" + name + ".json")) {
			return EventJson.mapper().readTree(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
