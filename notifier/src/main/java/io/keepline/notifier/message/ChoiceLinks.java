package io.keepline.notifier.message;

import java.time.Duration;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;

/**
 * Builds the signed links to the holder's choices on the notifier: the one-click
 * unsubscribe ({@code /unsubscribe/{token}}) of every email's {@code List-Unsubscribe}
 * header, and the preference page ({@code /preferences/{token}}) of every email's footer.
 */
public final class ChoiceLinks {

	private final LinkSigner signer;

	private final String baseUrl;

	private final Duration ttl;

	public ChoiceLinks(LinkSigner signer, String baseUrl, Duration ttl) {
		this.signer = signer;
		this.baseUrl = baseUrl;
		this.ttl = ttl;
	}

	public String unsubscribe(CycleId cycle) {
		return this.baseUrl + "/unsubscribe/" + this.signer.issue(LinkPurpose.UNSUBSCRIBE, cycle, this.ttl);
	}

	public String preferences(CycleId cycle) {
		return this.baseUrl + "/preferences/" + this.signer.issue(LinkPurpose.PREFERENCES, cycle, this.ttl);
	}

}
