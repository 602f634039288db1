package io.keepline.payments.pages;

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
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.line.ViewUnavailableException;
import io.keepline.payments.webhook.PaymentNotPublishedException;
import io.keepline.support.links.LinkSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the pay and automatic-renewal pages share: check the signed link, then its cycle
 * against the line's current record; only the current open cycle runs the page's action,
 * any other answer is a page of its own.
 */
@Component
class LinkedCycles {

	private static final Logger log = LoggerFactory.getLogger(LinkedCycles.class);

	private final LinkSigner signer;

	private final LineRecordLookup lines;

	private final PaymentHistoryLookup histories;

	private final LinkSettings links;

	private final PaymentsSettings settings;

	LinkedCycles(LinkSigner signer, LineRecordLookup lines, PaymentHistoryLookup histories, LinkSettings links,
			PaymentsSettings settings) {
		this.signer = signer;
		this.lines = lines;
		this.histories = histories;
		this.links = links;
		this.settings = settings;
	}

	/**
	 * Runs {@code action} on the link's cycle if it is payable, else answers with a page.
	 */
	ModelAndView withCycle(String token, LinkPurpose purpose, HttpServletRequest request, OpenCycle action) {
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
		catch (ViewUnavailableException | GatewayUnavailableException | PaymentNotPublishedException ex) {
			log.warn("{} link for {} not served: {}", purpose.code(), cycle, ex.getMessage());
			return Pages.message(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable");
		}
	}

	/**
	 * The absolute status page URL Stripe sends the holder back to, valid past the
	 * session's window.
	 */
	String statusUrl(CycleId cycle, CheckoutWindow window) {
		return this.links.url("/status/" + this.signer
			.issue(new SignedLink(LinkPurpose.STATUS, cycle, window.end().plus(this.settings.statusLinkTtl()))));
	}

	/** A status page link, valid for {@link PayController#FRESH_LINK_TTL}. */
	String statusPath(CycleId cycle) {
		return "/status/" + this.signer.issue(LinkPurpose.STATUS, cycle, PayController.FRESH_LINK_TTL);
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
			// the lapse message's holder still has something to do: the status page says
			// what
			case LAPSED -> Pages.message(HttpStatus.OK, "cycle.lapsed", Map.of("validUntil", cycle.validUntil()),
					statusPath(cycle), "action.status");
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
						+ this.signer.issue(link.purpose(), link.cycle(), PayController.FRESH_LINK_TTL);
			}
		}
		catch (ViewUnavailableException ex) {
			log.debug("no fresh link offered: {}", ex.getMessage());
		}
		return Pages.message(HttpStatus.GONE, "link.expired", Map.of(), fresh, (fresh != null) ? "action.fresh" : null);
	}

	/** A page's action on the current open cycle. */
	@FunctionalInterface
	interface OpenCycle {

		ModelAndView run(CycleId cycle, LineRecord line, PaymentHistory history);

	}

}
