package io.keepline.payments.pages;

import java.time.Clock;
import java.time.LocalDate;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.support.plans.Plans;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.line.ViewUnavailableException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The holder's status page, from the line's current record whatever cycle the link was
 * issued for: masked number, current validity, renewal state, pay button while the
 * current cycle is payable, automatic renewal ({@link AutoRenewalView}) with its switches
 * and the last payments of the current registration, and, while the cycle is open, "I
 * already topped up" ({@link TopUpController}) or until when its reminders are paused, in
 * the holder's language. A refused link is a 403, an expired one a 410, a cancelled or
 * erased line a 410 too.
 */
class StatusPage {

	private final LinkSigner signer;

	private final LineRecordLookup lines;

	private final PaymentHistoryLookup histories;

	private final AutoRenewalSettings renewal;

	private final PreferencePageSettings preferences;

	private final Clock clock;

	private final Plans plans;

	private final TopUpSettings topUp;

	StatusPage(LinkSigner signer, LineRecordLookup lines, PaymentHistoryLookup histories, AutoRenewalSettings renewal,
			PreferencePageSettings preferences, Clock clock) {
		this(signer, lines, histories, renewal, preferences, clock, Plans.empty(Plans.DEFAULT_MAX_PRICE));
	}

	/**
	 * @param plans what each plan's operator allows after a lapse
	 */
	StatusPage(LinkSigner signer, LineRecordLookup lines, PaymentHistoryLookup histories, AutoRenewalSettings renewal,
			PreferencePageSettings preferences, Clock clock, Plans plans) {
		this(signer, lines, histories, renewal, preferences, clock, plans, TopUpSettings.defaults());
	}

	/**
	 * @param plans what each plan's operator allows after a lapse
	 * @param topUp how long a holder's "I already topped up" holds reminders
	 */
	StatusPage(LinkSigner signer, LineRecordLookup lines, PaymentHistoryLookup histories, AutoRenewalSettings renewal,
			PreferencePageSettings preferences, Clock clock, Plans plans, TopUpSettings topUp) {
		this.topUp = topUp;
		this.plans = plans;
		this.signer = signer;
		this.preferences = preferences;
		this.lines = lines;
		this.histories = histories;
		this.renewal = renewal;
		this.clock = clock;
	}

	/**
	 * Runs {@code action} on the line of a valid status link that is still managed here;
	 * any other case is a page of its own.
	 */
	ModelAndView withLine(String token, HttpServletRequest request, ManagedLine action) {
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
		if (LineAnswer.of((line != null) ? line.cycle() : linked, line, history) == LineAnswer.UNMANAGED) {
			return Pages.message(HttpStatus.GONE, "line.unmanaged");
		}
		return action.run(line, history);
	}

	/** The page of {@code line}; {@code banner} names a message shown above it. */
	ModelAndView render(String token, LineRecord line, PaymentHistory history, String banner) {
		LineAnswer answer = LineAnswer.of(line.cycle(), line, history);
		CycleId current = line.cycle();
		ModelAndView page = new ModelAndView("status", HttpStatus.OK);
		page.addObject("maskedNumber", current.msisdn().masked());
		page.addObject("validUntil", line.validUntil());
		page.addObject("state", state(answer, history, line));
		page.addObject("price", line.price());
		page.addObject("payUrl", (answer == LineAnswer.PAYABLE)
				? "/pay/" + this.signer.issue(LinkPurpose.PAY, current, PayController.FRESH_LINK_TTL) : null);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), line.holder().timeZone());
		AutoRenewalView autoRenewal = AutoRenewalView.of(line, history, today, this.renewal.chargeDaysBefore());
		page.addObject("autoRenewal", autoRenewal);
		page.addObject("autoRenewUrl",
				(answer == LineAnswer.PAYABLE && (autoRenewal.canTurnOn() || autoRenewal.on()))
						? "/autorenew/"
								+ this.signer.issue(LinkPurpose.AUTORENEW, current, PayController.FRESH_LINK_TTL)
						: null);
		page.addObject("turnOffUrl", autoRenewal.canTurnOff() ? "/status/" + token + "/autorenew/off" : null);
		page.addObject("removeCardUrl", autoRenewal.canRemoveCard() ? "/status/" + token + "/card/remove" : null);
		page.addObject("afterLapse", (line.cycleState() == CycleState.LAPSED && answer != LineAnswer.ALREADY_RENEWED)
				? AfterLapse.of(line, this.plans) : null);
		page.addObject("preferencesUrl", this.preferences.base() + "/preferences/"
				+ this.signer.issue(LinkPurpose.PREFERENCES, current, this.preferences.linkTtl()));
		page.addObject("topUpUrl",
				(canReportTopUp(line, history)
						&& history.topUpReported(line.registeredAt(), line.validUntil()).isEmpty())
								? "/status/" + token + "/topped-up" : null);
		page.addObject("topUpPausedUntil",
				history.topUpReported(line.registeredAt(), line.validUntil())
					.filter((report) -> canReportTopUp(line, history))
					.map((report) -> report.at().plus(this.topUp.pause()))
					.filter((until) -> until.isAfter(this.clock.instant()))
					.map((until) -> LocalDate.ofInstant(until, line.holder().timeZone()))
					.orElse(null));
		page.addObject("payments", history.since(line.registeredAt(), 5));
		page.addObject("banner", banner);
		return page;
	}

	/**
	 * Whether the holder may say they topped up at the operator: the current cycle is
	 * open and no payment of it is known here (not paid, pending or lapsed).
	 */
	static boolean canReportTopUp(LineRecord line, PaymentHistory history) {
		return line.cycleState() == CycleState.OPEN && history.paidBy(line.validUntil()).isEmpty();
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

	/** What a status request does with a managed line. */
	@FunctionalInterface
	interface ManagedLine {

		ModelAndView run(LineRecord line, PaymentHistory history);

	}

}
