package io.keepline.payments.pages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentMethodRemoved;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.webhook.WebhookOutcome;
import io.keepline.payments.webhook.WebhookProcessor;
import io.keepline.support.web.SameOriginPosts;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The status page's switches, authorised by its signed link alone and refused when a
 * browser sends them from another site ({@link SameOriginPosts}):
 * {@code POST …/autorenew/off} publishes {@link AutoRenewalStopped} (the card stays
 * saved), {@code POST …/card/remove} detaches the card at Stripe, then publishes
 * {@link PaymentMethodRemoved}. Both answer the updated page; sent again they change
 * nothing (nothing left to turn off or remove, and the event id is derived from the card,
 * so a replay is a duplicate).
 */
@Controller
class AutoRenewalSwitchController {

	private static final Logger log = LoggerFactory.getLogger(AutoRenewalSwitchController.class);

	private final StatusPage page;

	private final SameOriginPosts origins;

	private final WebhookProcessor publisher;

	private final PaymentGateway gateway;

	private final Clock clock;

	AutoRenewalSwitchController(StatusPage page, SameOriginPosts origins, WebhookProcessor publisher,
			PaymentGateway gateway, Clock clock) {
		this.page = page;
		this.origins = origins;
		this.publisher = publisher;
		this.gateway = gateway;
		this.clock = clock;
	}

	@PostMapping("/status/{token}/autorenew/off")
	ModelAndView turnOff(@PathVariable String token, HttpServletRequest request) {
		if (!this.origins.allowed(request)) {
			return Pages.message(HttpStatus.FORBIDDEN, "request.foreign");
		}
		return this.page.withLine(token, request, (line, history) -> {
			if (!AutoRenewalView.optedIn(line, history)) {
				return this.page.render(token, line, history, "status.autoRenew.turnedOff");
			}
			AutoRenewalStopped stopped = new AutoRenewalStopped(id("autorenew-off", line, history),
					this.clock.instant(), line.msisdn(), line.registeredAt());
			return published(token, line, history, stopped, "status.autoRenew.turnedOff");
		});
	}

	@PostMapping("/status/{token}/card/remove")
	ModelAndView removeCard(@PathVariable String token, HttpServletRequest request) {
		if (!this.origins.allowed(request)) {
			return Pages.message(HttpStatus.FORBIDDEN, "request.foreign");
		}
		return this.page.withLine(token, request, (line, history) -> {
			if (!AutoRenewalView.hasCard(line, history)) {
				return this.page.render(token, line, history, "status.autoRenew.cardRemoved");
			}
			Optional<PaymentMethodRef> kept = history.methodSince(line.registeredAt());
			try {
				kept.ifPresent((method) -> this.gateway.detachPaymentMethod(method.paymentMethodId()));
			}
			catch (GatewayUnavailableException ex) {
				log.warn("Card of {} not removed: Stripe unavailable ({})", line.msisdn().masked(), ex.getMessage());
				return Pages.message(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable");
			}
			PaymentMethodRemoved removed = new PaymentMethodRemoved(id("card-removed", line, history),
					this.clock.instant(), line.msisdn(), line.registeredAt());
			return published(token, line, history, removed, "status.autoRenew.cardRemoved");
		});
	}

	private ModelAndView published(String token, LineRecord line, PaymentHistory history, PaymentEvent event,
			String banner) {
		WebhookOutcome outcome = this.publisher.publish(event);
		if (outcome == WebhookOutcome.UNAVAILABLE) {
			return Pages.message(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable");
		}
		log.info("{} for {}: {}", event.getClass().getSimpleName(), line.msisdn().masked(), outcome);
		return this.page.render(token, line, history.apply(event), banner);
	}

	/**
	 * The same id for the same request on the same card of the same registration, so that
	 * a request sent twice is one event.
	 */
	private static UUID id(String action, LineRecord line, PaymentHistory history) {
		String card = history.methodSince(line.registeredAt()).map(PaymentMethodRef::paymentMethodId).orElse("record");
		String key = action + ":" + line.msisdn().value() + ":" + line.registeredAt().toEpochMilli() + ":" + card;
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

}
