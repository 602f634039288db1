package io.keepline.payments.pages;

import java.time.Clock;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.payments.PaymentsSettings;
import io.keepline.payments.gateway.HostedSession;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.gateway.SetupRequest;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.webhook.PaymentEventPublisher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /autorenew/{token}}: saving or replacing the card for automatic renewal. The
 * holder first asks for a one-time code ({@code POST …/code}), which the notifier sends
 * to their channel, then types it ({@code POST …/setup}); only a right code sends them
 * (303) to a Checkout Session in setup mode. A link alone never reaches Stripe.
 */
@Controller
class AutoRenewController {

	private static final Logger log = LoggerFactory.getLogger(AutoRenewController.class);

	private final LinkedCycles cycles;

	private final CardCodes codes;

	private final PaymentEventPublisher publisher;

	private final PaymentGateway gateway;

	private final PaymentsSettings settings;

	private final Clock clock;

	AutoRenewController(LinkedCycles cycles, CardCodes codes, PaymentEventPublisher publisher, PaymentGateway gateway,
			PaymentsSettings settings, Clock clock) {
		this.cycles = cycles;
		this.codes = codes;
		this.publisher = publisher;
		this.gateway = gateway;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/autorenew/{token}")
	ModelAndView page(@PathVariable String token, @RequestParam(required = false) String sent,
			HttpServletRequest request) {
		return this.cycles.withCycle(token, LinkPurpose.AUTORENEW, request,
				(cycle, line, history) -> page(token, line, HttpStatus.OK, (sent != null) ? "code.sent" : null, 0));
	}

	@PostMapping("/autorenew/{token}/code")
	ModelAndView askCode(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
		return this.cycles.withCycle(token, LinkPurpose.AUTORENEW, request, (cycle, line, history) -> {
			CardCodes.Ask ask = this.codes.ask(cycle.msisdn(), history);
			if (ask instanceof CardCodes.Ask.TooSoon tooSoon) {
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(tooSoon.retryAfter().toSeconds() + 1));
				log.info("Card code for {} refused: asked too often", cycle);
				return page(token, line, HttpStatus.TOO_MANY_REQUESTS, "code.tooSoon", 0);
			}
			this.publisher.publish(((CardCodes.Ask.Granted) ask).request());
			log.info("Card code requested for {}", cycle);
			return Pages.redirect("/autorenew/" + token + "?sent");
		});
	}

	@PostMapping("/autorenew/{token}/setup")
	ModelAndView setup(@PathVariable String token, @RequestParam(required = false) String code,
			HttpServletRequest request) {
		return this.cycles.withCycle(token, LinkPurpose.AUTORENEW, request, (cycle, line, history) -> {
			CardCodes.Check check = this.codes.check(cycle.msisdn(), history, code);
			if (check.tried() != null) {
				this.publisher.publish(check.tried());
			}
			log.info("Card code for {}: {}", cycle, check.verdict());
			return switch (check.verdict()) {
				case ACCEPTED -> setupSession(cycle, line, history);
				case WRONG -> page(token, line, HttpStatus.UNPROCESSABLE_CONTENT, "code.wrong", check.triesLeft());
				case TOO_MANY -> page(token, line, HttpStatus.TOO_MANY_REQUESTS, "code.tooMany", 0);
				case NO_CODE -> page(token, line, HttpStatus.UNPROCESSABLE_CONTENT, "code.none", 0);
			};
		});
	}

	private ModelAndView setupSession(CycleId cycle, LineRecord line, PaymentHistory history) {
		CheckoutWindow window = CheckoutWindow.current(this.clock, this.settings.checkoutReuseWindow());
		String status = this.cycles.statusUrl(cycle, window);
		String customer = history.customerSince(line.registeredAt()).orElse(null);
		// the registration is part of the key: a new holder of the number never gets the
		// previous holder's session
		HostedSession session = this.gateway
			.createSetupSession(new SetupRequest(cycle, line.holder().locale(), customer, line.price().currency(),
					line.registeredAt(), status + "?setup=success", status + "?setup=cancelled",
					"setup:" + cycle.asString() + ":" + registration(line) + ":" + window.number()));
		log.info("Setup session {} for {}", session.id(), cycle);
		return Pages.redirect(session.url());
	}

	private static long registration(LineRecord line) {
		return (line.registeredAt() != null) ? line.registeredAt().toEpochMilli() : 0;
	}

	private static ModelAndView page(String token, LineRecord line, HttpStatus status, String noticeKey,
			int triesLeft) {
		ModelAndView page = new ModelAndView("autorenew", status);
		page.addObject("codeUrl", "/autorenew/" + token + "/code");
		page.addObject("setupUrl", "/autorenew/" + token + "/setup");
		page.addObject("channel", line.holder().channels().get(0).name());
		page.addObject("noticeKey", noticeKey);
		page.addObject("triesLeft", triesLeft);
		return page;
	}

}
