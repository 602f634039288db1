package io.keepline.notifier.message;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;

/**
 * Builds the signed pay ({@code /pay/{token}}), status ({@code /status/{token}}) and card
 * ({@code /autorenew/{token}}) links of payments. They stay valid until {@code grace}
 * after the end of the cycle's validity day, and at least {@code minimumTtl} from now (a
 * receipt's status link outlives its cycle).
 */
public final class Links {

	private static final ZoneId DEADLINE_ZONE = ZoneId.of("Europe/Brussels");

	private final LinkSigner signer;

	private final String baseUrl;

	private final Duration grace;

	private final Duration minimumTtl;

	private final Clock clock;

	public Links(LinkSigner signer, URI baseUrl, Duration grace, Duration minimumTtl, Clock clock) {
		this.signer = signer;
		String base = baseUrl.toString();
		this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.grace = grace;
		this.minimumTtl = minimumTtl;
		this.clock = clock;
	}

	public String pay(CycleId cycle) {
		return this.baseUrl + "/pay/" + this.signer.issue(LinkPurpose.PAY, cycle, ttl(cycle));
	}

	public String status(CycleId cycle) {
		return this.baseUrl + "/status/" + this.signer.issue(LinkPurpose.STATUS, cycle, ttl(cycle));
	}

	/** Where the holder saves a (new) card for automatic renewal. */
	public String autorenew(CycleId cycle) {
		return this.baseUrl + "/autorenew/" + this.signer.issue(LinkPurpose.AUTORENEW, cycle, ttl(cycle));
	}

	private Duration ttl(CycleId cycle) {
		Instant endOfCycle = cycle.validUntil().plusDays(1).atStartOfDay(DEADLINE_ZONE).toInstant().plus(this.grace);
		Duration untilEnd = Duration.between(this.clock.instant(), endOfCycle);
		return (untilEnd.compareTo(this.minimumTtl) > 0) ? untilEnd : this.minimumTtl;
	}

}
