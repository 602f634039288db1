package io.keepline.payments.pages;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import io.keepline.payments.line.BillingCycle;
import io.keepline.payments.line.BillingCycle.CycleState;
import io.keepline.payments.line.LinePayments;
import io.keepline.payments.line.LinePaymentsLookup;
import io.keepline.payments.line.PaymentRecord;
import io.keepline.payments.line.ViewUnavailableException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /status/{token}}: the holder's page: masked number, valid until, renewal
 * state, pay button, automatic renewal and the last payments, in the holder's language.
 */
@Controller
class StatusController {

	private final LinkSigner signer;

	private final LinePaymentsLookup lines;

	StatusController(LinkSigner signer, LinePaymentsLookup lines) {
		this.signer = signer;
		this.lines = lines;
	}

	@GetMapping("/status/{token}")
	ModelAndView status(@PathVariable String token, @RequestParam(required = false) String checkout,
			@RequestParam(required = false) String setup, HttpServletRequest request) {
		LinkVerification verification = this.signer.verify(token, LinkPurpose.STATUS);
		if (verification instanceof LinkVerification.Rejected) {
			return Pages.message(HttpStatus.FORBIDDEN, "link.invalid");
		}
		if (verification instanceof LinkVerification.Expired) {
			return Pages.message(HttpStatus.GONE, "link.expiredStatus");
		}
		if (!(verification instanceof LinkVerification.Valid valid)) {
			throw new UnhandledTypeException(verification);
		}
		CycleId cycle = valid.link().cycle();
		Optional<LinePayments> found;
		try {
			found = this.lines.find(cycle.msisdn());
		}
		catch (ViewUnavailableException ex) {
			return Pages.message(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable");
		}
		LinePayments view = found.orElseGet(() -> LinePayments.empty(cycle.msisdn()));
		if (found.isPresent() && request.getParameter("lang") == null) {
			HolderLocaleResolver.use(request, view.locale());
		}
		BillingCycle current = view.cycle(cycle.validUntil()).orElse(null);
		ModelAndView page = new ModelAndView("status", HttpStatus.OK);
		page.addObject("maskedNumber", cycle.msisdn().masked());
		page.addObject("validUntil", cycle.validUntil());
		page.addObject("state", state(view, cycle, current));
		page.addObject("price", (current != null) ? current.price() : null);
		boolean payable = current != null && current.state() == CycleState.OPEN
				&& view.paidBy(cycle.validUntil()).isEmpty();
		page.addObject("payUrl",
				payable ? "/pay/" + this.signer.issue(LinkPurpose.PAY, cycle, PayController.FRESH_LINK_TTL) : null);
		page.addObject("savedMethod", view.savedMethod());
		page.addObject("autoRenewUrl",
				"/autorenew/" + this.signer.issue(LinkPurpose.AUTORENEW, cycle, PayController.FRESH_LINK_TTL));
		List<PaymentRecord> payments = view.payments()
			.stream()
			.sorted(Comparator.comparing(PaymentRecord::at).reversed())
			.limit(5)
			.toList();
		page.addObject("payments", payments);
		page.addObject("checkout", checkout);
		page.addObject("setup", setup);
		return page;
	}

	private static String state(LinePayments view, CycleId cycle, BillingCycle current) {
		if (current == null) {
			return view.paidBy(cycle.validUntil()).isPresent() ? "received" : "unknown";
		}
		if (current.state() == CycleState.PAID) {
			return "paid";
		}
		if (view.paidBy(cycle.validUntil()).isPresent()) {
			return "received";
		}
		return (current.state() == CycleState.LAPSED) ? "lapsed" : "open";
	}

}
