package io.keepline.ingest.http;

import java.util.function.Consumer;

import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.ingest.KnownOwners;
import io.keepline.ingest.RecordingPublisher;
import io.keepline.ingest.validation.Samples;
import io.keepline.support.web.OperatorAuthentication;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LineEventsController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = { WebSliceConfiguration.CHUNK_ROWS, WebSliceConfiguration.MAX_ERRORS })
class LineEventsControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingPublisher publisher;

	@Autowired
	SimpleMeterRegistry registry;

	@Autowired
	KnownOwners owners;

	@BeforeEach
	void reset() {
		this.publisher.reset();
		this.owners.reset();
	}

	@Test
	void acceptsAValidBatchOnlyOnceItIsPublished() throws Exception {
		send("[" + Samples.lineRegistered() + "," + Samples.validityExtended() + "]").andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected").value(0))
			.andExpect(jsonPath("$.results[0].index").value(0))
			.andExpect(jsonPath("$.results[0].eventId").value("5b1c6f0e-8a53-4e0b-9d47-3f2a1c9e7b10"))
			.andExpect(jsonPath("$.results[0].status").value("accepted"))
			.andExpect(jsonPath("$.results[1].status").value("accepted"));

		assertThat(this.publisher.acceptedBatches).hasSize(1);
		assertThat(this.publisher.accepted()).hasSize(2).first().isInstanceOf(LineRegistered.class);
		assertThat(this.publisher.accepted().get(0).occurredAt()).isEqualTo(WebSliceConfiguration.NOW);
	}

	@Test
	void answersEveryItemInInputOrderAndABadItemNeverSinksTheGoodOnes() throws Exception {
		ObjectNode bad = Samples.validityExtended();
		bad.put("validUntil", "2026-02-30");
		bad.put("msisdn", "+3212345678");

		send("[" + Samples.lineErased() + "," + bad + "," + Samples.lineCancelled() + "]").andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.results[0].status").value("accepted"))
			.andExpect(jsonPath("$.results[1].status").value("rejected"))
			.andExpect(jsonPath("$.results[1].eventId").value("0d9e2a4c-1f6b-4c38-a2d5-7e8f9a0b1c2d"))
			.andExpect(jsonPath("$.results[1].errors.length()").value(2))
			.andExpect(jsonPath("$.results[1].errors[*].reason", hasItem("invalid_date")))
			.andExpect(jsonPath("$.results[1].errors[*].reason", hasItem("not_mobile")))
			.andExpect(jsonPath("$.results[2].status").value("accepted"));

		assertThat(this.publisher.accepted()).hasSize(2);
		EventRejected rejected = this.publisher.rejected.get(0);
		assertThat(rejected.source()).isEqualTo(IngestSource.HTTP);
		assertThat(rejected.location()).isEqualTo("index 1");
		assertThat(rejected.originalEventId()).isEqualTo("0d9e2a4c-1f6b-4c38-a2d5-7e8f9a0b1c2d");
		assertThat(rejected.payload()).contains("2026-02-30");
		assertThat(rejected.operator().value()).isEqualTo("orange");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.keepline.ingest.validation.BrokenItems#all")
	void rejectsEachBrokenRuleWithItsReason(String rule, Consumer<ObjectNode> breakIt, String field, String reason)
			throws Exception {
		ObjectNode item = Samples.lineRegistered();
		breakIt.accept(item);

		send("[" + item + "]").andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].status").value("rejected"))
			.andExpect(jsonPath("$.results[0].errors[?(@.field == '" + field + "')].reason", hasItem(reason)));
	}

	@Test
	void neverLetsAnOperatorWriteAnotherOperatorsLine() throws Exception {
		this.mvc
			.perform(post("/v1/line-events").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + WebSliceConfiguration.PROXIMUS_KEY)
				.content("[" + Samples.lineRegistered() + "]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].errors[0].field").value("operator"))
			.andExpect(jsonPath("$.results[0].errors[0].reason").value("operator_mismatch"));

		assertThat(this.publisher.accepted()).isEmpty();
		assertThat(this.publisher.rejected.get(0).operator().value()).isEqualTo("proximus");
	}

	@Test
	void refusesItemsForLinesOfAnotherOperatorOnTheirMsisdn() throws Exception {
		this.owners.owned("+32470123456", "orange");
		ObjectNode cancel = Samples.lineCancelled().put("operator", "proximus");
		ObjectNode ownLine = Samples.lineErased().put("operator", "proximus").put("msisdn", "+32470123457");

		this.mvc
			.perform(post("/v1/line-events").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + WebSliceConfiguration.PROXIMUS_KEY)
				.content("[" + cancel + "," + ownLine + "]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.results[0].status").value("rejected"))
			.andExpect(jsonPath("$.results[0].errors.length()").value(1))
			.andExpect(jsonPath("$.results[0].errors[0].field").value("msisdn"))
			.andExpect(jsonPath("$.results[0].errors[0].reason").value("line_of_another_operator"))
			.andExpect(jsonPath("$.results[1].status").value("accepted"));

		assertThat(this.publisher.accepted()).extracting((event) -> event.msisdn().value())
			.containsExactly("+32470123457");
	}

	@Test
	void answersServiceUnavailableAndAcceptsNothingWhileLineOwnersAreUnknown() throws Exception {
		this.owners.available(false);

		send("[" + Samples.lineRegistered() + "]").andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
			.andExpect(jsonPath("$.results").doesNotExist())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("line owners")));
		assertThat(this.publisher.acceptedBatches).isEmpty();
		assertThat(this.publisher.rejected).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "[1, 2]", "[{\"type\": \"LineErased\"}, \"x\"]", "[{", "not json", "", "[{}] []",
			"[{\"a\": 1, \"a\": 2}]" })
	void refusesABodyThatIsNotAJsonArrayOfObjects(String body) throws Exception {
		send(body).andExpect(status().isBadRequest());
		assertThat(this.publisher.acceptedBatches).isEmpty();
	}

	@Test
	void acceptsAnEmptyBatch() throws Exception {
		send("[]").andExpect(status().isOk()).andExpect(jsonPath("$.results.length()").value(0));
	}

	@Test
	void refusesRequestsWithoutAValidOperatorKey() throws Exception {
		String body = "[" + Samples.lineErased() + "]";
		this.mvc.perform(post("/v1/line-events").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, OperatorAuthentication.CHALLENGE));
		this.mvc
			.perform(post("/v1/line-events").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-configured-key")
				.content(body))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/v1/line-events").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Basic " + WebSliceConfiguration.ORANGE_KEY)
				.content(body))
			.andExpect(status().isUnauthorized());
		assertThat(this.publisher.acceptedBatches).isEmpty();
	}

	@Test
	void refusesMoreThanAThousandEvents() throws Exception {
		send("[" + "{},".repeat(1000) + "{}]").andExpect(status().isContentTooLarge());
		send("[" + (Samples.lineErased() + ",").repeat(999) + Samples.lineErased() + "]").andExpect(status().isOk());
	}

	@Test
	void refusesABodyOverOneMebibyte() throws Exception {
		send("[{\"pad\": \"" + "x".repeat(1024 * 1024) + "\"}]").andExpect(status().isContentTooLarge());
	}

	@Test
	void refusesOtherContentTypes() throws Exception {
		this.mvc
			.perform(post("/v1/line-events").contentType(MediaType.TEXT_PLAIN)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + WebSliceConfiguration.ORANGE_KEY)
				.content("[]"))
			.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void answersServiceUnavailableAndAcceptsNothingWhenKafkaCannotTakeTheBatch() throws Exception {
		this.publisher.failAfter(0);

		send("[" + Samples.lineRegistered() + "]").andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
			.andExpect(jsonPath("$.results").doesNotExist())
			.andExpect(jsonPath("$.status").value(503));
		assertThat(this.publisher.accepted()).isEmpty();
	}

	@Test
	void countsAcceptedAndRejectedEventsByOperatorAndReason() throws Exception {
		ObjectNode bad = Samples.lineErased();
		bad.put("msisdn", "+3212345678");
		double before = count("accepted", "none");

		send("[" + Samples.lineErased() + "," + bad + "]").andExpect(status().isOk());

		assertThat(count("accepted", "none")).isEqualTo(before + 1);
		assertThat(count("rejected", "not_mobile")).isPositive();
	}

	private double count(String outcome, String reason) {
		var counter = this.registry.find("keepline.ingest.events")
			.tags("operator", "orange", "source", "http", "outcome", outcome, "reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private ResultActions send(String body) throws Exception {
		return this.mvc.perform(post("/v1/line-events").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + WebSliceConfiguration.ORANGE_KEY)
			.content(body));
	}

}
