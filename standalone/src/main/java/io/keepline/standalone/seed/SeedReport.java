package io.keepline.standalone.seed;

/**
 * What the seed loader did: loaded {@code accepted} of {@code lines} lines now, or found
 * them loaded before ({@code skipped}).
 */
public record SeedReport(int lines, int accepted, int rejected, boolean skipped, String fingerprint, String loadedOn) {

	/** One line for the log and the banner. */
	public String summary() {
		if (this.skipped) {
			return this.lines + " demo lines already loaded on " + this.loadedOn + " (seeds " + this.fingerprint
					+ "); not imported again";
		}
		return this.accepted + " of " + this.lines + " demo lines registered through ingest"
				+ ((this.rejected > 0) ? ", " + this.rejected + " rejected (see the log)" : "") + " (seeds "
				+ this.fingerprint + ")";
	}

}
