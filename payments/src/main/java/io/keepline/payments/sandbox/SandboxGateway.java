package io.keepline.payments.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.support.links.LinkSettings;
import io.keepline.payments.gateway.ChargeOutcome;
import io.keepline.payments.gateway.CheckoutRequest;
import io.keepline.payments.gateway.CycleMetadata;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.gateway.HostedSession;
import io.keepline.payments.gateway.OffSessionCharge;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.gateway.RefundRequest;
import io.keepline.payments.gateway.RefundResult;
import io.keepline.payments.gateway.SetupRequest;

/**
 * The offline sandbox: Checkout Sessions are local pages of payments itself; paying one
 * posts a Stripe-format event, signed with the webhook secret, to the real webhook
 * endpoint. Off-session charges and refunds succeed. Nothing leaves the machine and no
 * money moves. State is kept in memory (a sandbox restart forgets open sessions).
 */
public class SandboxGateway implements PaymentGateway {

	private final LinkSettings links;

	private final String webhookSecret;

	private final Clock clock;

	private final HttpClient http;

	private final Map<String, SandboxSession> sessions = new ConcurrentHashMap<>();

	private final Map<String, String> sessionsByKey = new ConcurrentHashMap<>();

	private final Map<String, PaymentMethodRef> setups = new ConcurrentHashMap<>();

	private final Map<String, Map<String, String>> intents = new ConcurrentHashMap<>();

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final List<String> detached = new CopyOnWriteArrayList<>();

	public SandboxGateway(LinkSettings links, String webhookSecret, Clock clock, HttpClient http) {
		this.links = links;
		this.webhookSecret = webhookSecret;
		this.clock = clock;
		this.http = http;
	}

	@Override
	public HostedSession createCheckoutSession(CheckoutRequest request) {
		String id = this.sessionsByKey.computeIfAbsent(request.idempotencyKey(), (key) -> {
			String sessionId = "cs_sandbox_" + id(key);
			this.sessions.put(sessionId,
					new SandboxSession(sessionId, false, request.cycle(), request.price(), request.price().currency(),
							request.locale(), request.successUrl(), request.cancelUrl(),
							CycleMetadata.of(request.cycle(), PaymentSource.CHECKOUT, null)));
			return sessionId;
		});
		return new HostedSession(id, this.links.url("/sandbox/checkout/" + id));
	}

	@Override
	public HostedSession createSetupSession(SetupRequest request) {
		String id = this.sessionsByKey.computeIfAbsent(request.idempotencyKey(), (key) -> {
			String sessionId = "cs_sandbox_" + id(key);
			this.sessions.put(sessionId,
					new SandboxSession(sessionId, true, request.cycle(), null, request.currency(), request.locale(),
							request.successUrl(), request.cancelUrl(),
							CycleMetadata.setup(request.cycle(), request.registeredAt())));
			return sessionId;
		});
		return new HostedSession(id, this.links.url("/sandbox/checkout/" + id));
	}

	public Optional<SandboxSession> session(String id) {
		return Optional.ofNullable(this.sessions.get(id));
	}

	/**
	 * Completes a session as the holder paying (or saving a card) would, and returns
	 * where Checkout sends the holder next.
	 */
	public String complete(SandboxSession session) {
		Instant now = this.clock.instant();
		String setupIntent = session.setup() ? "seti_sandbox_" + id(session.id()) : null;
		if (setupIntent != null) {
			int year = now.atZone(this.clock.getZone()).getYear() + 3;
			this.setups.put(setupIntent, new PaymentMethodRef("cus_sandbox_" + id(session.cycle().msisdn().value()),
					"pm_sandbox_" + id(session.id()), "visa", "4242", 12, year));
		}
		String intent = session.setup() ? null : "pi_sandbox_" + id(session.id());
		if (intent != null) {
			this.intents.put(intent, session.metadata());
		}
		String payload = SandboxEvents.checkoutCompleted("evt_sandbox_" + id(session.id()), now, session, intent,
				setupIntent, session.metadata());
		this.events.add(payload);
		post(payload, now);
		return session.successUrl();
	}

	private void post(String payload, Instant now) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.links.url("/v1/stripe/webhook")))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", StripeSignature.header(this.webhookSecret, now, payload))
			.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new GatewayUnavailableException("the webhook answered " + response.statusCode(), null);
			}
		}
		catch (IOException ex) {
			throw new GatewayUnavailableException("the webhook could not be reached", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GatewayUnavailableException("interrupted", ex);
		}
	}

	@Override
	public Optional<Map<String, String>> intentMetadata(String paymentIntentId) {
		return Optional.ofNullable(this.intents.get(paymentIntentId));
	}

	@Override
	public PaymentMethodRef savedMethod(String setupIntentId) {
		PaymentMethodRef method = this.setups.get(setupIntentId);
		if (method == null) {
			throw new IllegalStateException("unknown sandbox setup intent " + setupIntentId);
		}
		return method;
	}

	@Override
	public void detachPaymentMethod(String paymentMethodId) {
		this.detached.add(paymentMethodId);
	}

	/** The payment methods detached so far. */
	public List<String> detached() {
		return List.copyOf(this.detached);
	}

	@Override
	public ChargeOutcome chargeOffSession(OffSessionCharge charge) {
		String intent = "pi_sandbox_" + id(charge.idempotencyKey());
		this.intents.put(intent, CycleMetadata.of(charge.cycle(), PaymentSource.AUTO_RENEWAL, charge.attempt()));
		return new ChargeOutcome.Succeeded(intent);
	}

	@Override
	public RefundResult refund(RefundRequest request) {
		return new RefundResult("re_sandbox_" + id(request.idempotencyKey()), request.amount().amountCents());
	}

	@Override
	public Optional<ChargeOutcome> findCharge(OffSessionCharge charge) {
		return Optional.empty(); // the sandbox always answers
	}

	@Override
	public Optional<RefundResult> findRefund(RefundRequest request) {
		return Optional.empty();
	}

	@Override
	public void deleteCustomer(String customerId) {
		this.setups.values().removeIf((method) -> customerId.equals(method.customerId()));
	}

	@Override
	public List<Event> listEvents(Instant after, Instant until, List<String> types) {
		return this.events.stream()
			.map((payload) -> Webhook.constructEventWithoutVerification(payload))
			.filter((event) -> event.getCreated() > after.getEpochSecond()
					&& event.getCreated() <= until.getEpochSecond() && types.contains(event.getType()))
			.toList();
	}

	private static String id(String seed) {
		return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))
			.toString()
			.replace("-", "")
			.substring(0, 24);
	}

}
