package io.keepline.notifier.holder;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.choice.HolderChoices;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.notifier.HolderEndpointsSettings;

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

	private final LinkedLines lines;

	private final Unsubscriptions unsubscriptions;

	UnsubscribeController(LinkSigner signer, HolderStore store, Unsubscriptions unsubscriptions,
			HolderEndpointsSettings settings) {
		this.lines = new LinkedLines(signer, store, settings.unsubscribeLinkTtl());
		this.unsubscriptions = unsubscriptions;
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

	private Optional<LineRecord> lineOf(String token) {
		return this.lines.lineOf(token, LinkPurpose.UNSUBSCRIBE);
	}

	private ResponseEntity<?> refused(String token) {
		return this.lines.refused(token, LinkPurpose.UNSUBSCRIBE);
	}

	private static HolderLocale locale(LineRecord line) {
		return line.holder().locale();
	}

}
