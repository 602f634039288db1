package io.keepline.ingest.http;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.ingest.KnownOwners;
import io.keepline.ingest.RecordingPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LineEventsController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = { WebSliceConfiguration.CHUNK_ROWS, WebSliceConfiguration.MAX_ERRORS })
class CsvImportControllerTest {

	static final String HEADER = "type,eventId,msisdn,operator,plan,validUntil,renewalPrice.amountCents,"
			+ "renewalPrice.currency,holder.email,holder.locale,holder.timeZone,leadDays,autoRenew\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingPublisher publisher;

	@Autowired
	KnownOwners owners;

	@BeforeEach
	void reset() {
		this.publisher.reset();
		this.owners.reset();
	}

	@Test
	void importsRowsWithDottedColumnsAndListsIntoEvents() throws Exception {
		send(HEADER + registered("+32470000001")).andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(1))
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(0));

		LineRegistered event = (LineRegistered) this.publisher.accepted().get(0);
		assertThat(event.msisdn().value()).isEqualTo("+32470000001");
		assertThat(event.renewalPrice().amountCents()).isEqualTo(1500);
		assertThat(event.holder().email()).isEqualTo("li@example.com");
		assertThat(event.leadDays()).containsExactly(30, 7, 1);
		assertThat(event.autoRenew()).isTrue();
		assertThat(event.validUntil()).isEqualTo(LocalDate.parse("2026-12-31"));
	}

	@Test
	void commitsInChunksAndCountsAcceptedAndRejectedRowsWithTheirLines() throws Exception {
		String csv = HEADER + registered("+32470000001") + erased("+32470000002")
				+ registered("+32470000003").replace(",1500,", ",0,") + erased("+3212345678") + erased("+32470000005");

		send(csv).andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(5))
			.andExpect(jsonPath("$.accepted").value(3))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.errors[0].line").value(4))
			.andExpect(jsonPath("$.errors[0].errors[0].field").value("renewalPrice.amountCents"))
			.andExpect(jsonPath("$.errors[0].errors[0].reason").value("not_positive"))
			.andExpect(jsonPath("$.errors[1].line").value(5))
			.andExpect(jsonPath("$.errors[1].errors[0].reason").value("not_mobile"))
			.andExpect(jsonPath("$.moreErrors").value(false));

		assertThat(this.publisher.acceptedBatches).hasSize(3);
		assertThat(this.publisher.accepted()).hasSize(3);
		EventRejected rejected = this.publisher.rejected.get(0);
		assertThat(rejected.source()).isEqualTo(IngestSource.CSV);
		assertThat(rejected.location()).isEqualTo("line 4");
		assertThat(rejected.payload()).startsWith("LineRegistered,").contains("+32470000003");
	}

	@Test
	void reportsOnlyTheFirstRowErrorsButCountsThemAll() throws Exception {
		String csv = HEADER + erased("+3212345678") + erased("+3212345678") + erased("+3212345678");

		send(csv).andExpect(status().isOk())
			.andExpect(jsonPath("$.rejected").value(3))
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.moreErrors").value(true));
		assertThat(this.publisher.rejected).hasSize(3);
	}

	@Test
	void namesCellsThatDoNotConvert() throws Exception {
		String row = registered("+32470000001").replace(",1500,", ",15 euro,").replace(",true\n", ",maybe\n");

		send(HEADER + row).andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[0].errors[0].field").value("renewalPrice.amountCents"))
			.andExpect(jsonPath("$.errors[0].errors[0].reason").value("wrong_type"))
			.andExpect(jsonPath("$.errors[0].errors[1].field").value("autoRenew"))
			.andExpect(jsonPath("$.errors[0].errors[1].reason").value("wrong_type"));
	}

	@Test
	void countsLinesOfQuotedMultiLineCells() throws Exception {
		String csv = "type,eventId,msisdn,operator,reason\n" + "LineCancelled," + UUID.randomUUID()
				+ ",+32470000001,orange,\"moved\nabroad\"\n" + "LineCancelled,nope,+32470000001,orange,\n";

		send(csv).andExpect(status().isOk()).andExpect(jsonPath("$.errors[0].line").value(4));
	}

	@Test
	void readsSpreadsheetExportsWithAByteOrderMark() throws Exception {
		send("\uFEFF" + HEADER + erased("+32470000001")).andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
	}

	@Test
	void refusesUnknownColumns() throws Exception {
		send("type,eventId,colour\nLineErased,x,red\n").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("colour")));
		send("").andExpect(status().isBadRequest());
		assertThat(this.publisher.acceptedBatches).isEmpty();
	}

	@Test
	void refusesBytesThatAreNotValidInTheDeclaredCharsetInsteadOfReplacingThem() throws Exception {
		byte[] latin1 = (HEADER + registered("+32470000001").replace("orange-prepaid", "orange-pr\u00e9paid"))
			.getBytes(StandardCharsets.ISO_8859_1);

		this.mvc
			.perform(post("/v1/line-events/csv").contentType("text/csv")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + WebSliceConfiguration.ORANGE_KEY)
				.content(latin1))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not valid text in its charset")));
		assertThat(this.publisher.acceptedBatches).isEmpty();
	}

	@Test
	void readsTheCharsetTheContentTypeNames() throws Exception {
		byte[] latin1 = (HEADER + registered("+32470000001").replace("orange-prepaid", "orange-pr\u00e9paid"))
			.getBytes(StandardCharsets.ISO_8859_1);

		this.mvc
			.perform(post("/v1/line-events/csv").contentType("text/csv;charset=ISO-8859-1")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + WebSliceConfiguration.ORANGE_KEY)
				.content(latin1))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
		assertThat(((LineRegistered) this.publisher.accepted().get(0)).plan()).isEqualTo("orange-pr\u00e9paid-15");
	}

	@Test
	void stopsWith503AndSaysWhatWasCommittedWhenKafkaGoesAway() throws Exception {
		this.publisher.failAfter(1);
		String csv = HEADER + erased("+32470000001") + erased("+32470000002") + erased("+32470000003");

		send(csv).andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
			.andExpect(jsonPath("$.lastCommittedLine").value(3))
			.andExpect(jsonPath("$.committed.accepted").value(2));
		assertThat(this.publisher.accepted()).hasSize(2).allMatch(LineErased.class::isInstance);
	}

	@Test
	void refusesRowsForLinesOfAnotherOperator() throws Exception {
		this.owners.owned("+32470000002", "proximus");
		String csv = HEADER + erased("+32470000001") + registered("+32470000002") + erased("+32470000002");

		send(csv).andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].errors[0].field").value("msisdn"))
			.andExpect(jsonPath("$.errors[0].errors[0].reason").value("line_of_another_operator"))
			.andExpect(jsonPath("$.errors[1].line").value(4));
		assertThat(this.publisher.accepted()).extracting((event) -> event.msisdn().value())
			.containsExactly("+32470000001");
		assertThat(this.publisher.rejected).hasSize(2).allMatch((rejected) -> rejected.source() == IngestSource.CSV);
	}

	@Test
	void stopsWith503BeforeTakingAnyRowWhileLineOwnersAreUnknown() throws Exception {
		this.owners.available(false);

		send(HEADER + erased("+32470000001")).andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
			.andExpect(jsonPath("$.lastCommittedLine").value(1))
			.andExpect(jsonPath("$.committed.accepted").value(0));
		assertThat(this.publisher.acceptedBatches).isEmpty();
	}

	@Test
	void refusesRequestsWithoutAValidOperatorKey() throws Exception {
		this.mvc.perform(post("/v1/line-events/csv").contentType("text/csv").content(HEADER))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void refusesOtherContentTypes() throws Exception {
		this.mvc
			.perform(post("/v1/line-events/csv").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + WebSliceConfiguration.ORANGE_KEY)
				.content("[]"))
			.andExpect(status().isUnsupportedMediaType());
	}

	static String registered(String msisdn) {
		return "LineRegistered," + UUID.randomUUID() + "," + msisdn
				+ ",orange,orange-prepaid-15,2026-12-31,1500,EUR,li@example.com,zh,Asia/Shanghai,30;7;1,true\n";
	}

	static String erased(String msisdn) {
		return "LineErased," + UUID.randomUUID() + "," + msisdn + ",orange,,,,,,,,,\n";
	}

	private ResultActions send(String csv) throws Exception {
		return this.mvc.perform(post("/v1/line-events/csv").contentType("text/csv")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + WebSliceConfiguration.ORANGE_KEY)
			.content(csv));
	}

}
