package io.keepline.payments.webhook;

import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.payments.StripeJson;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webhook's HTTP answers: 200 once published, 400 when not genuine, 503 when Kafka
 * cannot take the event.
 */
class StripeWebhookControllerTest {

	private final WebhookProcessorTest events = new WebhookProcessorTest();

	@Test
	void answers200OnceTheEventIsPublished() throws Exception {
		List<PaymentEvent> published = new ArrayList<>();
		String payload = WebhookProcessorTest.checkoutCompleted("evt_http", "pi_http");

		mvc(published::add)
			.perform(webhook(payload, StripeJson.sign(WebhookProcessorTest.SECRET, WebhookProcessorTest.NOW, payload)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("published"));
		org.assertj.core.api.Assertions.assertThat(published).hasSize(1);
	}

	@Test
	void answers400ToABadSignature() throws Exception {
		String payload = WebhookProcessorTest.checkoutCompleted("evt_http", "pi_http");

		mvc((event) -> {
		}).perform(webhook(payload, "t=1,v1=00")).andExpect(status().isBadRequest());
	}

	@Test
	void answers400WithoutSignature() throws Exception {
		mvc((event) -> {
		}).perform(post("/v1/stripe/webhook").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("the Stripe-Signature header is missing"));
	}

	@Test
	void saysWhyADeliveryIsRefused() throws Exception {
		String payload = WebhookProcessorTest.checkoutCompleted("evt_http", "pi_http");
		String signature = StripeJson.sign(WebhookProcessorTest.SECRET, WebhookProcessorTest.NOW, payload);

		mvc((event) -> {
		}).perform(webhook(payload, "t=1,v1=00"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value(StripeWebhookController.NOT_GENUINE));
		mvc((event) -> {
		}).perform(webhook("", signature))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("the body is empty"));
	}

	@Test
	void refusesABodyOverOneMebibyteWith413() throws Exception {
		List<PaymentEvent> published = new ArrayList<>();
		String padded = "{\"pad\": \"" + "x".repeat(StripeWebhookController.MAX_BODY_BYTES) + "\"}";

		mvc(published::add).perform(webhook(padded, "t=1,v1=00"))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value("the body is larger than 1048576 bytes"));
		org.assertj.core.api.Assertions.assertThat(published).isEmpty();
	}

	@Test
	void answers503WhenKafkaCannotTakeIt() throws Exception {
		String payload = WebhookProcessorTest.checkoutCompleted("evt_http", "pi_http");

		mvc((event) -> {
			throw new PaymentNotPublishedException("broker down", null);
		}).perform(webhook(payload, StripeJson.sign(WebhookProcessorTest.SECRET, WebhookProcessorTest.NOW, payload)))
			.andExpect(status().isServiceUnavailable());
	}

	private MockMvc mvc(PaymentEventPublisher publisher) {
		return MockMvcBuilders.standaloneSetup(new StripeWebhookController(this.events.processor(publisher))).build();
	}

	private static org.springframework.test.web.servlet.RequestBuilder webhook(String payload, String signature) {
		return post("/v1/stripe/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", signature)
			.content(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
