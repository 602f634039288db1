package io.keepline.payments.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.payment.PaymentDisputed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.linekey.CardSealer;
import io.keepline.contracts.linekey.DataKey;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.payments.StripeJson;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.line.ViewUnavailableException;
import io.keepline.payments.renewal.DeadlineActionsTest;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Webhook deliveries shaped and signed like Stripe's: what is published, what is refused
 * and what is a harmless duplicate.
 */
class WebhookProcessorTest {

	static final String SECRET = "whsec_test_keepline";

	/** The data key of payments' tests (src/test/resources/application.properties). */
	static final String DATA_KEY = "a2VlcGxpbmUtdGVzdC1vbmx5LWRhdGEta2V5LTAwMDE=";

	static final Instant NOW = Instant.parse("2026-12-20T10:00:00Z");

	static final Msisdn MSISDN = Msisdn.of("+32470123456");

	static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

	private final Map<Msisdn, PaymentHistory> views = new HashMap<>();

	private final List<PaymentEvent> published = new ArrayList<>();

	private final Map<Msisdn, LineRecord> lines = new HashMap<>();

	private final WebhookProcessor processor = processor(this.published::add);

	@Test
	void publishesPaymentSucceededForAVerifiedCheckoutCompletion() {
		WebhookOutcome outcome = deliver(checkoutCompleted("evt_1", "pi_1"));

		assertThat(outcome).isEqualTo(WebhookOutcome.PUBLISHED);
		assertThat(this.published).singleElement().isInstanceOfSatisfying(PaymentSucceeded.class, (ok) -> {
			assertThat(ok.msisdn()).isEqualTo(MSISDN);
			assertThat(ok.validUntil()).isEqualTo(VALID_UNTIL);
			assertThat(ok.amount()).isEqualTo(Money.of(1500, "EUR"));
			assertThat(ok.source()).isEqualTo(PaymentSource.CHECKOUT);
			assertThat(ok.paymentIntentId()).isEqualTo("pi_1");
			assertThat(ok.stripeEventId()).isEqualTo("evt_1");
			assertThat(ok.occurredAt()).isEqualTo(NOW.minusSeconds(5));
		});
	}

	@Test
	void rejectsASignatureMadeWithAnotherSecret() {
		String payload = checkoutCompleted("evt_1", "pi_1");

		WebhookOutcome outcome = this.processor.handle(payload, StripeJson.sign("whsec_other", NOW, payload));

		assertThat(outcome).isEqualTo(WebhookOutcome.REJECTED);
		assertThat(this.published).isEmpty();
	}

	@Test
	void rejectsAStaleTimestamp() {
		String payload = checkoutCompleted("evt_1", "pi_1");

		WebhookOutcome outcome = this.processor.handle(payload,
				StripeJson.sign(SECRET, NOW.minusSeconds(301), payload));

		assertThat(outcome).isEqualTo(WebhookOutcome.REJECTED);
		assertThat(this.published).isEmpty();
	}

	@Test
	void rejectsATamperedBody() {
		String payload = checkoutCompleted("evt_1", "pi_1");
		String signature = StripeJson.sign(SECRET, NOW, payload);

		WebhookOutcome outcome = this.processor.handle(payload.replace("1500", "1"), signature);

		assertThat(outcome).isEqualTo(WebhookOutcome.REJECTED);
	}

	@Test
	void rejectsASignedButUnreadableBody() {
		String payload = "{\"id\": \"evt_1\", \"object\": \"event\", \"data\": ";

		assertThat(deliver(payload)).isEqualTo(WebhookOutcome.REJECTED);
	}

	@Test
	void aReplayedEventPublishesNothingNew() {
		String payload = checkoutCompleted("evt_1", "pi_1");

		assertThat(deliver(payload)).isEqualTo(WebhookOutcome.PUBLISHED);
		assertThat(deliver(payload)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void aReplayAfterARestartIsRecognisedFromTheView() {
		deliver(checkoutCompleted("evt_1", "pi_1"));
		this.views.put(MSISDN, PaymentHistory.empty(MSISDN).apply(this.published.get(0)));
		List<PaymentEvent> afterRestart = new ArrayList<>();

		WebhookOutcome outcome = processor(afterRestart::add).handle(checkoutCompleted("evt_1", "pi_1"),
				StripeJson.sign(SECRET, NOW, checkoutCompleted("evt_1", "pi_1")));

		assertThat(outcome).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(afterRestart).isEmpty();
	}

	@Test
	void theSamePaymentReportedByTwoEventTypesIsPublishedOnce() {
		deliver(checkoutCompleted("evt_1", "pi_1"));

		WebhookOutcome outcome = deliver(intentEvent("evt_2", "payment_intent.succeeded", "pi_1", "succeeded", "null"));

		assertThat(outcome).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void aFailureArrivingAfterASuccessDoesNotUndoIt() {
		deliver(intentEvent("evt_ok", "payment_intent.succeeded", "pi_7", "succeeded", "null"));

		WebhookOutcome outcome = deliver(intentEvent("evt_ko", "payment_intent.payment_failed", "pi_7",
				"requires_payment_method", StripeJson.cardError("card_declined", "generic_decline")));

		assertThat(outcome).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).singleElement().isInstanceOf(PaymentSucceeded.class);
	}

	@Test
	void aFailureAfterASuccessKnownFromTheViewIsIgnoredToo() {
		this.views.put(MSISDN,
				PaymentHistory.empty(MSISDN)
					.apply(new PaymentSucceeded(java.util.UUID.randomUUID(), NOW, MSISDN, VALID_UNTIL,
							Money.of(1500, "EUR"), PaymentSource.AUTO_RENEWAL, 1, "pi_7", null)));

		WebhookOutcome outcome = deliver(intentEvent("evt_ko", "payment_intent.payment_failed", "pi_7",
				"requires_payment_method", StripeJson.cardError("card_declined", "generic_decline")));

		assertThat(outcome).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).isEmpty();
	}

	@Test
	void aDeclinedAutomaticRenewalReportedAgainIsPublishedOnce() {
		PaymentFailed declined = declinedRenewal();

		assertThat(this.processor.publish(declined)).isEqualTo(WebhookOutcome.PUBLISHED);
		assertThat(this.processor.publish(declined)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).containsExactly(declined);
	}

	@Test
	void aDeclinedAutomaticRenewalReportedAgainAfterARestartIsRecognisedFromTheView() {
		PaymentFailed declined = declinedRenewal();
		this.views.put(MSISDN, PaymentHistory.empty(MSISDN).apply(declined));

		assertThat(this.processor.publish(declined)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).isEmpty();
	}

	@Test
	void anOutcomeDeferredWhileTheViewWasUnreadableIsPublishedOnceWhenReportedAgain() {
		AtomicBoolean readable = new AtomicBoolean(false);
		WebhookProcessor processor = new WebhookProcessor(SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC),
				new StripeEventMapper(mock(PaymentGateway.class), this::line), new PublishedOutcomes((msisdn) -> {
					if (!readable.get()) {
						throw new ViewUnavailableException("rebalancing", null);
					}
					return Optional.ofNullable(this.views.get(msisdn));
				}, 1000), this.published::add);
		PaymentFailed declined = declinedRenewal();

		assertThat(processor.publish(declined)).isEqualTo(WebhookOutcome.UNAVAILABLE);
		readable.set(true);
		assertThat(processor.publish(declined)).isEqualTo(WebhookOutcome.PUBLISHED);
		assertThat(processor.publish(declined)).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).containsExactly(declined);
	}

	@Test
	void aFailedPaymentCarriesItsDeclineCodeAndWhetherToRetry() {
		deliver(intentEvent("evt_ko", "payment_intent.payment_failed", "pi_8", "requires_payment_method",
				StripeJson.cardError("card_declined", "insufficient_funds")));

		assertThat(this.published).singleElement().isInstanceOfSatisfying(PaymentFailed.class, (failed) -> {
			assertThat(failed.reason()).isEqualTo("card_declined");
			assertThat(failed.declineCode()).isEqualTo("insufficient_funds");
			assertThat(failed.retryable()).isTrue();
			assertThat(failed.paymentIntentId()).isEqualTo("pi_8");
		});
	}

	@Test
	void aRefundedChargeIsPublishedAsPaymentRefunded() {
		deliver(StripeJson.event("evt_r", "charge.refunded", NOW,
				StripeJson.charge("ch_1", "pi_9", 1500, StripeJson.metadata(MSISDN, VALID_UNTIL, "checkout"))));

		assertThat(this.published).singleElement().isInstanceOfSatisfying(PaymentRefunded.class, (refunded) -> {
			assertThat(refunded.paymentIntentId()).isEqualTo("pi_9");
			assertThat(refunded.amount()).isEqualTo(Money.of(1500, "EUR"));
		});
	}

	@Test
	void aProcessingPaymentIntentIsPublishedOnceAsPaymentProcessing() {
		deliver(intentEvent("evt_p1", "payment_intent.processing", "pi_sepa", "processing", "null"));
		deliver(intentEvent("evt_p1", "payment_intent.processing", "pi_sepa", "processing", "null"));
		deliver(intentEvent("evt_p2", "payment_intent.processing", "pi_sepa", "processing", "null"));

		assertThat(this.published).singleElement().isInstanceOfSatisfying(PaymentProcessing.class, (processing) -> {
			assertThat(processing.paymentIntentId()).isEqualTo("pi_sepa");
			assertThat(processing.source()).isEqualTo(PaymentSource.AUTO_RENEWAL);
			assertThat(processing.amount()).isEqualTo(Money.of(1500, "EUR"));
			assertThat(processing.validUntil()).isEqualTo(VALID_UNTIL);
		});
	}

	@Test
	void aDisputeIsRecordedOnceAsPaymentDisputedWithTheCycleOfItsPaymentIntent() {
		PaymentGateway gateway = mock(PaymentGateway.class);
		given(gateway.intentMetadata("pi_9")).willReturn(Optional.of(Map.of("keepline_msisdn", MSISDN.value(),
				"keepline_valid_until", VALID_UNTIL.toString(), "keepline_source", "checkout")));
		WebhookProcessor withGateway = new WebhookProcessor(SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC),
				new StripeEventMapper(gateway, this::line), new PublishedOutcomes((msisdn) -> Optional.empty(), 100),
				this.published::add);
		String first = StripeJson.event("evt_dp1", "charge.dispute.created", NOW,
				StripeJson.dispute("dp_1", "ch_1", "pi_9", 1500, "fraudulent"));
		String again = StripeJson.event("evt_dp2", "charge.dispute.created", NOW,
				StripeJson.dispute("dp_1", "ch_1", "pi_9", 1500, "fraudulent"));

		assertThat(withGateway.handle(first, StripeJson.sign(SECRET, NOW, first))).isEqualTo(WebhookOutcome.PUBLISHED);
		assertThat(withGateway.handle(again, StripeJson.sign(SECRET, NOW, again))).isEqualTo(WebhookOutcome.DUPLICATE);
		assertThat(this.published).singleElement().isInstanceOfSatisfying(PaymentDisputed.class, (disputed) -> {
			assertThat(disputed.msisdn()).isEqualTo(MSISDN);
			assertThat(disputed.validUntil()).isEqualTo(VALID_UNTIL);
			assertThat(disputed.amount()).isEqualTo(Money.of(1500, "EUR"));
			assertThat(disputed.paymentIntentId()).isEqualTo("pi_9");
			assertThat(disputed.chargeId()).isEqualTo("ch_1");
			assertThat(disputed.disputeId()).isEqualTo("dp_1");
			assertThat(disputed.reason()).isEqualTo("fraudulent");
		});
	}

	@Test
	void aCompletedSetupSavesThePaymentMethodForAutomaticRenewal() {
		PaymentGateway gateway = mock(PaymentGateway.class);
		PaymentMethodRef card = new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030);
		given(gateway.savedMethod("seti_1")).willReturn(card);
		this.lines.put(MSISDN, DeadlineActionsTest.record(MSISDN, VALID_UNTIL, CycleState.OPEN));
		WebhookProcessor withGateway = new WebhookProcessor(SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC),
				new StripeEventMapper(gateway, this::line), new PublishedOutcomes((msisdn) -> Optional.empty(), 100),
				this.published::add);
		String session = StripeJson
			.checkoutSession("cs_setup", "null", 0, StripeJson.metadata(MSISDN, VALID_UNTIL, "auto_renewal"))
			.replace("\"mode\": \"payment\"", "\"mode\": \"setup\"")
			.replace("\"setup_intent\": null", "\"setup_intent\": \"seti_1\"")
			.replace("\"payment_intent\": \"null\"", "\"payment_intent\": null");
		String payload = StripeJson.event("evt_setup", "checkout.session.completed", NOW, session);

		assertThat(withGateway.handle(payload, StripeJson.sign(SECRET, NOW, payload)))
			.isEqualTo(WebhookOutcome.PUBLISHED);
		assertThat(this.published).singleElement().isInstanceOfSatisfying(PaymentMethodSaved.class, (saved) -> {
			assertThat(saved.paymentMethod()).isEqualTo(card);
			assertThat(saved.setupIntentId()).isEqualTo("seti_1");
			assertThat(saved.msisdn()).isEqualTo(MSISDN);
		});
	}

	@Test
	void anUnknownTypeIsAcknowledgedAndIgnored() {
		String payload = StripeJson.event("evt_c", "customer.created", NOW,
				"{\"id\": \"cus_1\", \"object\": \"customer\", \"metadata\": {}}");

		assertThat(deliver(payload)).isEqualTo(WebhookOutcome.IGNORED);
		assertThat(this.published).isEmpty();
	}

	@Test
	void whenKafkaCannotTakeTheEventStripeIsToldToRetry() {
		Map<String, Object> unreachable = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 500, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000, ProducerConfig.ACKS_CONFIG, "all");
		var factory = new DefaultKafkaProducerFactory<>(unreachable, new ByteArraySerializer(),
				new ByteArraySerializer());
		try {
			WebhookProcessor kafkaDown = processor(new KafkaPaymentEventPublisher(new KafkaTemplate<>(factory),
					new CardSealer(DataKey.of(DATA_KEY), Clock.systemUTC()), java.time.Duration.ofSeconds(2)));
			String payload = checkoutCompleted("evt_1", "pi_1");

			assertThat(kafkaDown.handle(payload, StripeJson.sign(SECRET, NOW, payload)))
				.isEqualTo(WebhookOutcome.UNAVAILABLE);
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void aDeliveryThatKafkaRefusedIsPublishedWhenStripeRetries() {
		List<PaymentEvent> accepted = new ArrayList<>();
		boolean[] kafkaUp = { false };
		WebhookProcessor flaky = processor((event) -> {
			if (!kafkaUp[0]) {
				throw new PaymentNotPublishedException("broker down", null);
			}
			accepted.add(event);
		});
		String payload = checkoutCompleted("evt_1", "pi_1");

		assertThat(flaky.handle(payload, StripeJson.sign(SECRET, NOW, payload))).isEqualTo(WebhookOutcome.UNAVAILABLE);
		kafkaUp[0] = true;
		assertThat(flaky.handle(payload, StripeJson.sign(SECRET, NOW, payload))).isEqualTo(WebhookOutcome.PUBLISHED);
		assertThat(accepted).hasSize(1);
	}

	private Optional<LineRecord> line(Msisdn msisdn) {
		return Optional.ofNullable(this.lines.get(msisdn));
	}

	WebhookProcessor processor(PaymentEventPublisher publisher) {
		return new WebhookProcessor(SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC),
				new StripeEventMapper(mock(PaymentGateway.class), this::line),
				new PublishedOutcomes((msisdn) -> Optional.ofNullable(this.views.get(msisdn)), 1000), publisher);
	}

	private WebhookOutcome deliver(String payload) {
		return this.processor.handle(payload, StripeJson.sign(SECRET, NOW, payload));
	}

	/**
	 * The outcome of a declined automatic charge, with its id derived from the attempt.
	 */
	static PaymentFailed declinedRenewal() {
		return new PaymentFailed(java.util.UUID.nameUUIDFromBytes("renewal:+32470123456:2026-12-31:1".getBytes()), NOW,
				MSISDN, VALID_UNTIL, PaymentSource.AUTO_RENEWAL, 1, "pi_declined", null, "card_declined",
				"insufficient_funds", true);
	}

	static String checkoutCompleted(String eventId, String paymentIntent) {
		return StripeJson.event(eventId, "checkout.session.completed", NOW.minusSeconds(5), StripeJson
			.checkoutSession("cs_test_1", paymentIntent, 1500, StripeJson.metadata(MSISDN, VALID_UNTIL, "checkout")));
	}

	static String intentEvent(String eventId, String type, String intent, String status, String lastError) {
		return StripeJson.event(eventId, type, NOW, StripeJson.paymentIntent(intent, status, 1500,
				StripeJson.metadata(MSISDN, VALID_UNTIL, "auto_renewal"), lastError));
	}

}
