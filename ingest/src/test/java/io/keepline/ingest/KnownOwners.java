package io.keepline.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineOwner;
import io.keepline.ingest.validation.LineOwners;
import io.keepline.ingest.validation.OwnersUnavailableException;

/**
 * Line owners a test sets by hand, and which can be told to be unreadable as the view is
 * while it catches up.
 */
public final class KnownOwners implements LineOwners {

	private final Map<Msisdn, LineOwner> owners = new ConcurrentHashMap<>();

	private volatile boolean available = true;

	@Override
	public LineOwner owner(Msisdn msisdn) {
		if (!this.available) {
			throw new OwnersUnavailableException("still catching up (test)");
		}
		return this.owners.get(msisdn);
	}

	public KnownOwners owned(String msisdn, String operator) {
		this.owners.put(Msisdn.of(msisdn), LineOwner.of(OperatorId.of(operator)));
		return this;
	}

	public KnownOwners released(String msisdn, String operator) {
		this.owners.put(Msisdn.of(msisdn), LineOwner.of(OperatorId.of(operator)).release());
		return this;
	}

	public void available(boolean available) {
		this.available = available;
	}

	public void reset() {
		this.owners.clear();
		this.available = true;
	}

}
