package io.keepline.payments.pages;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.line.ViewUnavailableException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /status/{token}}: the holder's page, from the line's current record whatever
 * cycle the link was issued for: masked number, current validity, renewal state, pay
 * button while the current cycle is payable, automatic renewal and the last payments of
 * the current registration, in the holder's language. A cancelled or erased line is no
 * longer managed here (410).
 */
@Controller
class StatusController {

	private final LinkSigner signer;

	private final LineRecordLookup lines;

	private final PaymentHistoryLookup histories;

	StatusController(LinkSigner signer, LineRecordLookup lines, PaymentHistoryLookup histories) {
		this.signer = signer;
		this.lines = lines;
		this.histories = histories;
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
		CycleId linked = valid.link().cycle();
		LineRecord line;
		PaymentHistory history;
		try {
			line = this.lines.find(linked.msisdn()).orElse(null);
			history = this.histories.history(linked.msisdn()).orElseGet(() -> PaymentHistory.empty(linked.msisdn()));
		}
		catch (ViewUnavailableException ex) {
			return Pages.message(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable");
		}
		if (line != null && request.getParameter("lang") == null) {
			HolderLocaleResolver.use(request, line.holder().locale());
		}
		LineAnswer answer = LineAnswer.of((line != null) ? line.cycle() : linked, line, history);
		if (answer == LineAnswer.UNMANAGED) {
			return Pages.message(HttpStatus.GONE, "line.unmanaged");
		}
		CycleId current = line.cycle();
		ModelAndView page = new ModelAndView("status", HttpStatus.OK);
		page.addObject("maskedNumber", current.msisdn().masked());
		page.addObject("validUntil", line.validUntil());
		page.addObject("state", state(answer, history, line));
		page.addObject("price", line.price());
		page.addObject("payUrl", (answer == LineAnswer.PAYABLE)
				? "/pay/" + this.signer.issue(LinkPurpose.PAY, current, PayController.FRESH_LINK_TTL) : null);
		AutoRenewal autoRenewal = line.autoRenewal();
		page.addObject("savedMethod", autoRenewal.holderOptedIn() ? autoRenewal.method() : null);
		page.addObject("autoRenewUrl",
				(answer == LineAnswer.PAYABLE)
						? "/autorenew/"
								+ this.signer.issue(LinkPurpose.AUTORENEW, current, PayController.FRESH_LINK_TTL)
						: null);
		page.addObject("afterLapse", (line.cycleState() == CycleState.LAPSED && answer != LineAnswer.ALREADY_RENEWED)
				? AfterLapse.messageKey(line) : null);
		page.addObject("payments", history.since(line.registeredAt(), 5));
		page.addObject("checkout", checkout);
		page.addObject("setup", setup);
		return page;
	}

	private static String state(LineAnswer answer, PaymentHistory history, LineRecord line) {
		return switch (line.cycleState()) {
			case OPEN -> history.paidBy(line.validUntil()).isPresent() ? "received" : "open";
			case PAYMENT_PENDING -> "pending";
			case RENEWED -> "paid";
			case LAPSED -> (answer == LineAnswer.ALREADY_RENEWED) ? "received" : "lapsed";
			case CANCELLED -> throw new IllegalStateException("a cancelled line has no status page");
		};
	}

}
