package io.keepline.payments.pages;

import java.time.Clock;
import java.time.Duration;

import io.keepline.contracts.link.LinkPurpose;
import io.keepline.payments.PaymentsSettings;
import io.keepline.payments.gateway.CheckoutRequest;
import io.keepline.payments.gateway.HostedSession;
import io.keepline.payments.gateway.PaymentGateway;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /pay/{token}}: only the current open cycle sends the holder (303) to a
 * Checkout Session, at the record's price, reused while its window is open. Any other
 * answer is a page, and nothing is created at Stripe.
 */
@Controller
class PayController {

	private static final Logger log = LoggerFactory.getLogger(PayController.class);

	/** How long the fresh links offered on the pages live. */
	static final Duration FRESH_LINK_TTL = Duration.ofHours(1);

	private final LinkedCycles cycles;

	private final PaymentGateway gateway;

	private final PaymentsSettings settings;

	private final Clock clock;

	PayController(LinkedCycles cycles, PaymentGateway gateway, PaymentsSettings settings, Clock clock) {
		this.cycles = cycles;
		this.gateway = gateway;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/pay/{token}")
	ModelAndView pay(@PathVariable String token, HttpServletRequest request) {
		return this.cycles.withCycle(token, LinkPurpose.PAY, request, (cycle, line, history) -> {
			CheckoutWindow window = CheckoutWindow.current(this.clock, this.settings.checkoutReuseWindow());
			String status = this.cycles.statusUrl(cycle, window);
			HostedSession session = this.gateway.createCheckoutSession(
					new CheckoutRequest(cycle, line.price(), line.holder().locale(), status + "?checkout=success",
							status + "?checkout=cancelled", "checkout:" + cycle.asString() + ":" + window.number()));
			log.info("Checkout session {} for {}", session.id(), cycle);
			return Pages.redirect(session.url());
		});
	}

}
