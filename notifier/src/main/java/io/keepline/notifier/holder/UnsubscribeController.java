package io.keepline.notifier.holder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.choice.HolderChoices;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.notifier.HolderEndpointsSettings;
import io.keepline.notifier.message.ChoiceLinks;
import io.keepline.support.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-click unsubscribe (RFC 8058) from the link in an email's {@code List-Unsubscribe}:
 * the signed token is the only credential (no cookie, no login). A POST stops the line's
 * emails and answers 200; a GET only shows a page whose button POSTs. A digest's link
 * names its other lines in {@code also} (each token signed for its own line, at most
 * {@link ChoiceLinks#MAX_LINES} in all): the POST stops email for each of them too, and
 * skips a token that is not valid (expired, another holder's registration) rather than
 * refuse the lines that are.
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
	ResponseEntity<?> ask(@PathVariable String token,
			@RequestParam(name = "also", required = false) List<String> also) {
		if (tooMany(also)) {
			return tooManyLines();
		}
		String action = "/unsubscribe/" + token
				+ ((also == null || also.isEmpty()) ? "" : "?also=" + String.join(",", also));
		return lineOf(token)
			.<ResponseEntity<?>>map((line) -> ResponseEntity.ok()
				.contentType(HTML)
				.header("Cache-Control", "no-store")
				.body(UnsubscribePage.ask(locale(line), numbers(line, also), action)))
			.orElseGet(() -> refused(token));
	}

	@PostMapping("/unsubscribe/{token}")
	ResponseEntity<?> unsubscribe(@PathVariable String token,
			@RequestParam(name = "also", required = false) List<String> also) {
		if (tooMany(also)) {
			return tooManyLines();
		}
		Optional<LineRecord> line = lineOf(token);
		if (line.isEmpty()) {
			return refused(token);
		}
		List<LineRecord> stopped = lines(line.get(), also);
		stopped
			.forEach((each) -> this.unsubscriptions.stop(each, Channel.EMAIL, HolderChoices.Via.ONE_CLICK_UNSUBSCRIBE));
		return ResponseEntity.ok()
			.contentType(HTML)
			.header("Cache-Control", "no-store")
			.body(UnsubscribePage.done(locale(line.get()), masked(stopped)));
	}

	/** The line of the link and those of its valid {@code also} tokens, once each. */
	private List<LineRecord> lines(LineRecord first, List<String> also) {
		List<LineRecord> lines = new ArrayList<>(List.of(first));
		if (also != null) {
			also.stream()
				.map(this::lineOf)
				.flatMap(Optional::stream)
				.filter((line) -> lines.stream().noneMatch((known) -> known.msisdn().equals(line.msisdn())))
				.forEach(lines::add);
		}
		return lines;
	}

	private String numbers(LineRecord first, List<String> also) {
		return masked(lines(first, also));
	}

	private static String masked(List<LineRecord> lines) {
		return lines.stream().map((line) -> line.msisdn().masked()).collect(Collectors.joining(", "));
	}

	private static boolean tooMany(List<String> also) {
		return also != null && also.size() >= ChoiceLinks.MAX_LINES;
	}

	private static ResponseEntity<?> tooManyLines() {
		return Problems.of(HttpStatus.BAD_REQUEST,
				"also: at most " + (ChoiceLinks.MAX_LINES - 1) + " further links in one unsubscribe link");
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
