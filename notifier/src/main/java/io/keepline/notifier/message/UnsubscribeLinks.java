package io.keepline.notifier.message;

import java.time.Duration;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;

/**
 * Builds the signed one-click unsubscribe link ({@code /unsubscribe/{token}} on the
 * notifier) that every email carries in its {@code List-Unsubscribe} header.
 */
public final class UnsubscribeLinks {

	private final LinkSigner signer;

	private final String baseUrl;

	private final Duration ttl;

	public UnsubscribeLinks(LinkSigner signer, String baseUrl, Duration ttl) {
		this.signer = signer;
		this.baseUrl = baseUrl;
		this.ttl = ttl;
	}

	public String of(CycleId cycle) {
		return this.baseUrl + "/unsubscribe/" + this.signer.issue(LinkPurpose.UNSUBSCRIBE, cycle, this.ttl);
	}

}
