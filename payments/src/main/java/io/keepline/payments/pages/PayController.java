package io.keepline.payments.pages;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import io.keepline.contracts.link.SignedLink;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.payments.PaymentsSettings;
import io.keepline.payments.gateway.CheckoutRequest;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.gateway.HostedSession;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.gateway.SetupRequest;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.line.ViewUnavailableException;
import io.keepline.support.links.LinkSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code GET /pay/{token}} and {@code GET /autorenew/{token}}: check the signed link,
 * then the link's cycle against the line's current record; only the current open cycle
 * sends the holder (303) to a Checkout Session, at the record's price, reused while its
 * window is open. Any other answer is a page, and nothing is created at Stripe.
 */
@Controller
class PayController {

	private static final Logger log = LoggerFactory.getLogger(PayController.class);

	/** How long the fresh pay link offered on an expired link's page lives. */
	static final Duration FRESH_LINK_TTL = Duration.ofHours(1);

	private final LinkSigner signer;

	private final LineRecordLookup lines;

	private final PaymentHistoryLookup histories;

	private final PaymentGateway gateway;

	private final LinkSettings links;

	private final PaymentsSettings settings;

	private final Clock clock;

	PayController(LinkSigner signer, LineRecordLookup lines, PaymentHistoryLookup histories, PaymentGateway gateway,
			LinkSettings links, PaymentsSettings settings, Clock clock) {
		this.signer = signer;
		this.lines = lines;
		this.histories = histories;
		this.gateway = gateway;
		this.links = links;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/pay/{token}")
	ModelAndView pay(@PathVariable String token, HttpServletRequest request) {
		return withCycle(token, LinkPurpose.PAY, request, (cycle, line, history) -> {
			CheckoutWindow window = CheckoutWindow.current(this.clock, this.settings.checkoutReuseWindow());
			String status = statusUrl(cycle, window);
			HostedSession session = this.gateway.createCheckoutSession(
					new CheckoutRequest(cycle, line.price(), line.holder().locale(), status + "?checkout=success",
							status + "?checkout=cancelled", "checkout:" + cycle.asString() + ":" + window.number()));
			log.info("Checkout session {} for {}", session.id(), cycle);
			return redirect(session.url());
		});
	}

	@GetMapping("/autorenew/{token}")
	ModelAndView autoRenew(@PathVariable String token, HttpServletRequest request) {
		return withCycle(token, LinkPurpose.AUTORENEW, request, (cycle, line, history) -> {
			CheckoutWindow window = CheckoutWindow.current(this.clock, this.settings.checkoutReuseWindow());
			String status = statusUrl(cycle, window);
			String customer = history.customerSince(line.registeredAt()).orElse(null);
			HostedSession session = this.gateway
				.createSetupSession(new SetupRequest(cycle, line.holder().locale(), customer, status + "?setup=success",
						status + "?setup=cancelled", "setup:" + cycle.asString() + ":" + window.number()));
			log.info("Setup session {} for {}", session.id(), cycle);
			return redirect(session.url());
		});
	}

	private ModelAndView withCycle(String token, LinkPurpose purpose, HttpServletRequest request, OpenCycle action) {
		LinkVerification verification = this.signer.verify(token, purpose);
		if (verification instanceof LinkVerification.Rejected rejected) {
			log.info("{} link refused: {}", purpose.code(), rejected.reason());
			return Pages.message(HttpStatus.FORBIDDEN, "link.invalid");
		}
		if (verification instanceof LinkVerification.Expired expired) {
			return expired(expired.link(), request);
		}
		if (!(verification instanceof LinkVerification.Valid valid)) {
			throw new UnhandledTypeException(verification);
		}
		CycleId cycle = valid.link().cycle();
		try {
			LineRecord line = this.lines.find(cycle.msisdn()).orElse(null);
			PaymentHistory history = this.histories.history(cycle.msisdn())
				.orElseGet(() -> PaymentHistory.empty(cycle.msisdn()));
			if (line != null) {
				HolderLocaleResolver.use(request, line.holder().locale());
			}
			LineAnswer answer = LineAnswer.of(cycle, line, history);
			if (answer == LineAnswer.PAYABLE) {
				return action.run(cycle, line, history);
			}
			log.info("{} link for {} answered {}", purpose.code(), cycle, answer);
			return page(answer, cycle, line);
		}
		catch (ViewUnavailableException | GatewayUnavailableException ex) {
			log.warn("{} link for {} not served: {}", purpose.code(), cycle, ex.getMessage());
			return Pages.message(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable");
		}
	}

	private ModelAndView page(LineAnswer answer, CycleId cycle, LineRecord line) {
		return switch (answer) {
			case UNMANAGED -> Pages.message(HttpStatus.GONE, "line.unmanaged");
			case RENEWED_SINCE -> Pages.message(HttpStatus.OK, "cycle.renewedSince",
					Map.of("validUntil", line.validUntil()), statusPath(line.cycle()), "action.status");
			case ALREADY_RENEWED -> Pages.message(HttpStatus.OK, "cycle.paid", Map.of("validUntil", cycle.validUntil()),
					statusPath(cycle), "action.status");
			case PAYMENT_PENDING ->
				Pages.message(HttpStatus.OK, "cycle.pending", Map.of(), statusPath(cycle), "action.status");
			case LAPSED ->
				Pages.message(HttpStatus.GONE, "cycle.lapsed", Map.of("validUntil", cycle.validUntil()), null, null);
			case NOT_YET_KNOWN -> Pages.message(HttpStatus.NOT_FOUND, "cycle.unknown");
			case PAYABLE -> throw new IllegalArgumentException("a payable cycle has no page");
		};
	}

	private ModelAndView expired(SignedLink link, HttpServletRequest request) {
		String fresh = null;
		try {
			Optional<LineRecord> line = this.lines.find(link.cycle().msisdn());
			line.ifPresent((l) -> HolderLocaleResolver.use(request, l.holder().locale()));
			PaymentHistory history = this.histories.history(link.cycle().msisdn()).orElse(null);
			if (LineAnswer.of(link.cycle(), line.orElse(null), history) == LineAnswer.PAYABLE) {
				fresh = "/" + link.purpose().code() + "/"
						+ this.signer.issue(link.purpose(), link.cycle(), FRESH_LINK_TTL);
			}
		}
		catch (ViewUnavailableException ex) {
			log.debug("no fresh link offered: {}", ex.getMessage());
		}
		return Pages.message(HttpStatus.GONE, "link.expired", Map.of(), fresh, (fresh != null) ? "action.fresh" : null);
	}

	private String statusUrl(CycleId cycle, CheckoutWindow window) {
		return this.links.url("/status/" + this.signer
			.issue(new SignedLink(LinkPurpose.STATUS, cycle, window.end().plus(this.settings.statusLinkTtl()))));
	}

	private String statusPath(CycleId cycle) {
		return "/status/" + this.signer.issue(LinkPurpose.STATUS, cycle, FRESH_LINK_TTL);
	}

	private static ModelAndView redirect(String url) {
		RedirectView redirect = new RedirectView(url);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(redirect);
	}

	@FunctionalInterface
	private interface OpenCycle {

		ModelAndView run(CycleId cycle, LineRecord line, PaymentHistory history);

	}

}
