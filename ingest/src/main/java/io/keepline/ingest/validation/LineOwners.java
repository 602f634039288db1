package io.keepline.ingest.validation;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.line.LineOwner;

/**
 * Who owns each line, as far as ingest knows: the validator's only view of line-events. A
 * point lookup, cheap enough for every item.
 */
@FunctionalInterface
public interface LineOwners {

	/**
	 * The owner of {@code msisdn}, or null when no operator owns it.
	 * @throws OwnersUnavailableException when ownership cannot be told yet (the view is
	 * still catching up with line-events)
	 */
	LineOwner owner(Msisdn msisdn);

}
