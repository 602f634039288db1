package io.keepline.standalone.console;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;

import org.springframework.stereotype.Component;

/**
 * Signs the holder's pay and status links for a cycle with the secret payments verifies,
 * as the notifier does in reminders, so the console can open the holder's pages.
 */
@Component
public class HolderLinks {

	static final Duration TTL = Duration.ofDays(7);

	private final LinkSigner signer;

	private final String paymentsUrl;

	HolderLinks(ConsoleSettings settings) {
		this.signer = LinkSigner.fromSecret(settings.linkSecret(), Clock.systemUTC());
		this.paymentsUrl = settings.paymentsUrl();
	}

	public String pay(String msisdn, LocalDate validUntil) {
		return link(LinkPurpose.PAY, "/pay/", msisdn, validUntil);
	}

	public String status(String msisdn, LocalDate validUntil) {
		return link(LinkPurpose.STATUS, "/status/", msisdn, validUntil);
	}

	private String link(LinkPurpose purpose, String path, String msisdn, LocalDate validUntil) {
		if (validUntil == null) {
			return null;
		}
		return this.paymentsUrl + path + this.signer.issue(purpose, new CycleId(Msisdn.of(msisdn), validUntil), TTL);
	}

}
