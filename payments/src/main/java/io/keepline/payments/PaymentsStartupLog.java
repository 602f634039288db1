package io.keepline.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says once where payments listens and whether it talks to Stripe or to the offline
 * sandbox.
 */
@Component
class PaymentsStartupLog {

	private static final Logger log = LoggerFactory.getLogger(PaymentsStartupLog.class);

	private final PaymentsSettings settings;

	private final LinkSettings links;

	PaymentsStartupLog(PaymentsSettings settings, LinkSettings links) {
		this.settings = settings;
		this.links = links;
	}

	@EventListener
	void on(WebServerInitializedEvent event) {
		String target = this.settings.sandbox() ? "the OFFLINE SANDBOX (no real payments)"
				: "Stripe at "
						+ ((this.settings.stripe().apiBase() != null && !this.settings.stripe().apiBase().isBlank())
								? this.settings.stripe().apiBase() : "api.stripe.com");
		log.info("Keepline payments listening on port {} (pages at {}), payments go to {}",
				event.getWebServer().getPort(), this.links.baseUrl(), target);
	}

}
