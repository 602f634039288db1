package io.keepline.payments.sandbox;

import java.util.Optional;

import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.gateway.PaymentMethodTypes;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.pages.HolderLocaleResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The sandbox's stand-in for Stripe Checkout: a clearly labelled local page whose button
 * completes the session through a signed webhook. Answers 404 unless the sandbox is on.
 */
@Controller
class SandboxCheckoutController {

	private static final Logger log = LoggerFactory.getLogger(SandboxCheckoutController.class);

	private final PaymentGateway gateway;

	SandboxCheckoutController(PaymentGateway gateway) {
		this.gateway = gateway;
	}

	@GetMapping("/sandbox/checkout/{id}")
	ModelAndView page(@PathVariable String id, HttpServletRequest request) {
		SandboxSession session = session(id);
		if (session.locale() != null && request.getParameter("lang") == null) {
			HolderLocaleResolver.use(request, session.locale());
		}
		ModelAndView page = new ModelAndView("sandbox-checkout");
		page.addObject("checkout", session);
		page.addObject("maskedNumber", session.cycle().msisdn().masked());
		page.addObject("methods", PaymentMethodTypes.forCurrency(session.currency()));
		return page;
	}

	@PostMapping("/sandbox/checkout/{id}/complete")
	ModelAndView complete(@PathVariable String id) {
		SandboxSession session = session(id);
		try {
			String next = sandbox().complete(session);
			log.info("Sandbox session {} completed for {}", session.id(), session.cycle());
			RedirectView redirect = new RedirectView(next);
			redirect.setStatusCode(HttpStatus.SEE_OTHER);
			return new ModelAndView(redirect);
		}
		catch (GatewayUnavailableException ex) {
			log.warn("Sandbox session {} not completed: {}", session.id(), ex.getMessage());
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "webhook unavailable, try again");
		}
	}

	private SandboxSession session(String id) {
		return Optional.ofNullable(sandbox())
			.flatMap((sandbox) -> sandbox.session(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private SandboxGateway sandbox() {
		return (this.gateway instanceof SandboxGateway sandbox) ? sandbox : null;
	}

}
