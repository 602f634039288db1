package io.keepline.contracts.linekey;

import java.nio.charset.StandardCharsets;

/**
 * Whether a record's bytes may carry a seal (the property {@value SealedContact#PROPERTY}
 * appears in them): a record without it is read as plain JSON, without building a tree.
 */
final class SealMark {

	private static final byte[] MARK = ("\"" + SealedContact.PROPERTY + "\"").getBytes(StandardCharsets.UTF_8);

	private SealMark() {
	}

	static boolean in(byte[] data) {
		outer: for (int i = 0; i <= data.length - MARK.length; i++) {
			for (int j = 0; j < MARK.length; j++) {
				if (data[i + j] != MARK[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
