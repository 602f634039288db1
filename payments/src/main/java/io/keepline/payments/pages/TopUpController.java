package io.keepline.payments.pages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.TopUpReported;
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
 * The status page's "I already topped up" ({@code POST /status/{token}/topped-up}),
 * authorised by its signed link alone and refused when a browser sends it from another
 * site ({@link SameOriginPosts}): for the current registration's open, unpaid cycle it
 * publishes {@link TopUpReported}, which holds the cycle's reminders until
 * {@code keepline.payments.top-up.pause} from now while the operator's top-up is awaited
 * and tells the operator. Sent again it changes nothing (one report per cycle, its event
 * id derived from the cycle). A paid, pending or lapsed cycle answers the page as it is.
 */
@Controller
class TopUpController {

	private static final Logger log = LoggerFactory.getLogger(TopUpController.class);

	private final StatusPage page;

	private final SameOriginPosts origins;

	private final WebhookProcessor publisher;

	private final TopUpSettings settings;

	private final Clock clock;

	TopUpController(StatusPage page, SameOriginPosts origins, WebhookProcessor publisher, TopUpSettings settings,
			Clock clock) {
		this.page = page;
		this.origins = origins;
		this.publisher = publisher;
		this.settings = settings;
		this.clock = clock;
	}

	@PostMapping("/status/{token}/topped-up")
	ModelAndView reported(@PathVariable String token, HttpServletRequest request) {
		if (!this.origins.allowed(request)) {
			return Pages.message(HttpStatus.FORBIDDEN, "request.foreign");
		}
		return this.page.withLine(token, request, (line, history) -> {
			if (!StatusPage.canReportTopUp(line, history)) {
				return this.page.render(token, line, history, null);
			}
			if (history.topUpReported(line.registeredAt(), line.validUntil()).isPresent()) {
				return this.page.render(token, line, history, "status.topUp.reported");
			}
			Instant now = this.clock.instant();
			TopUpReported reported = new TopUpReported(id(line), now, line.msisdn(), line.registeredAt(),
					line.validUntil(), now.plus(this.settings.pause()));
			WebhookOutcome outcome = this.publisher.publish(reported);
			if (outcome == WebhookOutcome.UNAVAILABLE) {
				return Pages.message(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable");
			}
			log.info("TopUpReported for {}: {}", line.msisdn().masked(), outcome);
			return this.page.render(token, line, history.apply(reported), "status.topUp.reported");
		});
	}

	/** One id per cycle of a registration: a report sent twice is one event. */
	private static UUID id(LineRecord line) {
		String key = "topped-up:" + line.msisdn().value() + ":" + line.registeredAt().toEpochMilli() + ":"
				+ line.validUntil();
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

}
