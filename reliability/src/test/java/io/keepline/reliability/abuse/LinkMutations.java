package io.keepline.reliability.abuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.keepline.contracts.link.LinkPurpose;

/**
 * Random one-character changes (replaced, inserted or removed) of genuine link tokens:
 * each must be refused as not valid, whatever the character and wherever it is.
 */
final class LinkMutations {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

	private LinkMutations() {
	}

	/** {@code count} changes of the genuine tokens of every page, from {@code seed}. */
	static List<LinkVariants.Variant> of(LinkVariants links, long seed, int count) {
		Random random = new Random(seed);
		List<LinkVariants.Variant> variants = new ArrayList<>(count);
		while (variants.size() < count) {
			LinkPurpose page = LinkPurpose.values()[random.nextInt(LinkPurpose.values().length)];
			String token = links.genuine(page);
			int at = random.nextInt(token.length());
			char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
			String mutated = switch (random.nextInt(3)) {
				case 0 -> token.substring(0, at) + c + token.substring(at + 1);
				case 1 -> token.substring(0, at) + c + token.substring(at);
				default -> token.substring(0, at) + token.substring(at + 1);
			};
			if (!mutated.equals(token)) {
				variants.add(new LinkVariants.Variant(page, "mutated", "one character changed at " + at, mutated, 403,
						LinkVariants.INVALID));
			}
		}
		return variants;
	}

}
