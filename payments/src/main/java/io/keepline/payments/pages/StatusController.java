package io.keepline.payments.pages;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import io.keepline.payments.view.CycleView;
import io.keepline.payments.view.CycleView.CycleState;
import io.keepline.payments.view.LineLookup;
import io.keepline.payments.view.LineView;
import io.keepline.payments.view.PaymentRecord;
import io.keepline.payments.view.ViewUnavailableException;
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

	private final LineLookup lines;

	StatusController(LinkSigner signer, LineLookup lines) {
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
		CycleId cycle = ((LinkVerification.Valid) verification).link().cycle();
		Optional<LineView> found;
		try {
			found = this.lines.find(cycle.msisdn());
		}
		catch (ViewUnavailableException ex) {
			return Pages.message(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable");
		}
		LineView view = found.orElseGet(() -> LineView.empty(cycle.msisdn()));
		if (found.isPresent() && request.getParameter("lang") == null) {
			HolderLocaleResolver.use(request, view.locale());
		}
		CycleView current = view.cycle(cycle.validUntil()).orElse(null);
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

	private static String state(LineView view, CycleId cycle, CycleView current) {
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
