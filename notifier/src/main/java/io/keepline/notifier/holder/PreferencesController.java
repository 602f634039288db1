package io.keepline.notifier.holder;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.choice.HolderChoices;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.notifier.HolderEndpointsSettings;
import io.keepline.support.web.Problems;
import io.keepline.support.web.SameOriginPosts;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holder's preference page ({@code /preferences/{token}}, reached from the status
 * page and every email's footer): the signed link is the only credential; the POST that
 * saves the channels and language is refused when a browser sends it from another site.
 */
@RestController
class PreferencesController {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final LinkedLines lines;

	private final Unsubscriptions choices;

	private final SameOriginPosts origins;

	PreferencesController(LinkSigner signer, HolderStore store, Unsubscriptions choices,
			HolderEndpointsSettings settings) {
		this.lines = new LinkedLines(signer, store, settings.unsubscribeLinkTtl());
		this.choices = choices;
		this.origins = new SameOriginPosts(settings.baseUrl());
	}

	@GetMapping("/preferences/{token}")
	ResponseEntity<?> show(@PathVariable String token) {
		return this.lines.lineOf(token, LinkPurpose.PREFERENCES)
			.<ResponseEntity<?>>map((line) -> page(line, token, false))
			.orElseGet(() -> this.lines.refused(token, LinkPurpose.PREFERENCES));
	}

	@PostMapping(path = "/preferences/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> save(@PathVariable String token,
			@RequestParam(name = "channel", required = false) List<String> channel,
			@RequestParam(name = "locale", required = false) String locale, HttpServletRequest request) {
		if (!this.origins.allowed(request)) {
			return Problems.of(HttpStatus.FORBIDDEN, "Origin: the preference page takes POSTs from itself only");
		}
		Optional<LineRecord> line = this.lines.lineOf(token, LinkPurpose.PREFERENCES);
		if (line.isEmpty()) {
			return this.lines.refused(token, LinkPurpose.PREFERENCES);
		}
		HolderLocale chosen;
		try {
			chosen = HolderLocale.fromCode(locale);
		}
		catch (InvalidValueException ex) {
			return Problems.of(HttpStatus.BAD_REQUEST, "locale: not one of en, fr, nl, de, zh");
		}
		Set<Channel> allowed = EnumSet.noneOf(Channel.class);
		for (String name : (channel != null) ? channel : List.<String>of()) {
			Channel parsed = PreferencesPage.CHOOSABLE.stream()
				.filter((candidate) -> candidate.name().equals(name))
				.findFirst()
				.orElse(null);
			if (parsed == null) {
				return Problems.of(HttpStatus.BAD_REQUEST, "channel: not one of EMAIL, SMS");
			}
			allowed.add(parsed);
		}
		this.choices.choose(line.get(), allowed, chosen);
		return page(line.get(), token, true);
	}

	private ResponseEntity<String> page(LineRecord line, String token, boolean saved) {
		HolderChoices current = this.choices.current(line);
		List<Channel> own = line.holder().channels();
		Set<Channel> allowed = EnumSet.noneOf(Channel.class);
		own.stream().filter((channel) -> !current.suppressedChannels().contains(channel)).forEach(allowed::add);
		HolderLocale locale = (current.locale() != null) ? current.locale() : line.holder().locale();
		return ResponseEntity.ok()
			.contentType(HTML)
			.header("Cache-Control", "no-store")
			.body(PreferencesPage.form(locale, line.msisdn().masked(), own, allowed, "/preferences/" + token, saved));
	}

}
