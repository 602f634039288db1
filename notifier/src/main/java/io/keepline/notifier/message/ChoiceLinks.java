package io.keepline.notifier.message;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;

/**
 * Builds the signed links to the holder's choices on the notifier: the one-click
 * unsubscribe ({@code /unsubscribe/{token}}) of every email's {@code List-Unsubscribe}
 * header, and the preference page ({@code /preferences/{token}}) of every email's footer.
 */
public final class ChoiceLinks {

	/**
	 * The most lines one unsubscribe link names: a digest's first line in the path, the
	 * others' tokens in {@code also}.
	 */
	public static final int MAX_LINES = 100;

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

	/**
	 * One link that unsubscribes every line of {@code cycles} (a digest's lines, at most
	 * {@link #MAX_LINES}): the first line's token in the path, the others' in the
	 * {@code also} parameter, each signed for its own line.
	 */
	public String unsubscribe(List<CycleId> cycles) {
		String first = unsubscribe(cycles.get(0));
		if (cycles.size() == 1) {
			return first;
		}
		return first + "?also="
				+ cycles.stream()
					.skip(1)
					.limit(MAX_LINES - 1)
					.map((cycle) -> this.signer.issue(LinkPurpose.UNSUBSCRIBE, cycle, this.ttl))
					.collect(Collectors.joining(","));
	}

	public String preferences(CycleId cycle) {
		return this.baseUrl + "/preferences/" + this.signer.issue(LinkPurpose.PREFERENCES, cycle, this.ttl);
	}

}
