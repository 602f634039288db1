package io.keepline.notifier.holder;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import io.keepline.contracts.link.SignedLink;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.support.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The line a holder's signed link names, for the notifier's holder pages: only if the
 * link is valid for the page's purpose and the line's current registration is not newer
 * than the link (a recycled number's new holder is not reached by the last one's email).
 */
final class LinkedLines {

	private final LinkSigner signer;

	private final HolderStore store;

	private final Duration linkTtl;

	LinkedLines(LinkSigner signer, HolderStore store, Duration linkTtl) {
		this.signer = signer;
		this.store = store;
		this.linkTtl = linkTtl;
	}

	Optional<LineRecord> lineOf(String token, LinkPurpose purpose) {
		if (!(this.signer.verify(token, purpose) instanceof LinkVerification.Valid valid)) {
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

	/**
	 * Why {@link #lineOf} found no line: 410 expired or no longer held, 403 not valid.
	 */
	ResponseEntity<?> refused(String token, LinkPurpose purpose) {
		LinkVerification verification = this.signer.verify(token, purpose);
		if (verification instanceof LinkVerification.Expired) {
			return Problems.of(HttpStatus.GONE, "token: This link has expired");
		}
		if (verification instanceof LinkVerification.Valid) {
			return Problems.of(HttpStatus.GONE,
					"token: No longer managed here (the line is not held by this link's holder)");
		}
		return Problems.of(HttpStatus.FORBIDDEN,
				"token: This link is not valid (not one Keepline signed for this page)");
	}

}
