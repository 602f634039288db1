package io.keepline.notifier.holder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.choice.HolderChoices;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import io.keepline.contracts.link.SignedLink;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.notifier.HolderEndpointsSettings;
import io.keepline.support.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-click unsubscribe (RFC 8058) from the link in an email's {@code List-Unsubscribe}:
 * the signed token is the only credential (no cookie, no login). A POST stops the line's
 * emails and answers 200; a GET only shows a page whose button POSTs.
 */
@RestController
class UnsubscribeController {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final LinkSigner signer;

	private final HolderStore store;

	private final Unsubscriptions unsubscriptions;

	private final Duration linkTtl;

	UnsubscribeController(LinkSigner signer, HolderStore store, Unsubscriptions unsubscriptions,
			HolderEndpointsSettings settings) {
		this.signer = signer;
		this.store = store;
		this.unsubscriptions = unsubscriptions;
		this.linkTtl = settings.unsubscribeLinkTtl();
	}

	@GetMapping("/unsubscribe/{token}")
	ResponseEntity<?> ask(@PathVariable String token) {
		return lineOf(token)
			.<ResponseEntity<?>>map((line) -> ResponseEntity.ok()
				.contentType(HTML)
				.header("Cache-Control", "no-store")
				.body(UnsubscribePage.ask(locale(line), line.msisdn().masked(), "/unsubscribe/" + token)))
			.orElseGet(() -> refused(token));
	}

	@PostMapping("/unsubscribe/{token}")
	ResponseEntity<?> unsubscribe(@PathVariable String token) {
		Optional<LineRecord> line = lineOf(token);
		if (line.isEmpty()) {
			return refused(token);
		}
		this.unsubscriptions.stop(line.get(), Channel.EMAIL, HolderChoices.Via.ONE_CLICK_UNSUBSCRIBE);
		return ResponseEntity.ok()
			.contentType(HTML)
			.header("Cache-Control", "no-store")
			.body(UnsubscribePage.done(locale(line.get()), line.get().msisdn().masked()));
	}

	/**
	 * The line a valid token names, if its current registration is not newer than the
	 * link (a recycled number's new holder is not unsubscribed by the last one's email).
	 */
	private Optional<LineRecord> lineOf(String token) {
		if (!(this.signer.verify(token, LinkPurpose.UNSUBSCRIBE) instanceof LinkVerification.Valid valid)) {
			return Optional.empty();
		}
		SignedLink link = valid.link();
		// a link carries its expiry in whole seconds: one issued in the second of the
		// registration reads as issued up to a second before it
		return this.store.line(link.cycle().msisdn())
			.filter((line) -> line.registeredAt() == null || !link.expiresAt()
				.minus(this.linkTtl)
				.isBefore(line.registeredAt().truncatedTo(ChronoUnit.SECONDS)));
	}

	private ResponseEntity<?> refused(String token) {
		LinkVerification verification = this.signer.verify(token, LinkPurpose.UNSUBSCRIBE);
		if (verification instanceof LinkVerification.Expired) {
			return Problems.of(HttpStatus.GONE, "token: This link has expired");
		}
		if (verification instanceof LinkVerification.Valid) {
			return Problems.of(HttpStatus.GONE,
					"token: No longer managed here (the line is not held by this link's holder)");
		}
		return Problems.of(HttpStatus.FORBIDDEN,
				"token: This link is not valid (not an unsubscribe link Keepline signed)");
	}

	private static HolderLocale locale(LineRecord line) {
		return line.holder().locale();
	}

}
