package io.keepline.standalone.console;

import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.linerecord.LineRecord;

import org.springframework.stereotype.Component;

/**
 * Forgets an erased line's holder in the console's outboxes too: the emails to their
 * address, the SMS to their number and the webhooks about their line.
 */
@Component
class ErasedHolders {

	ErasedHolders(EventLog eventLog, Emails emails, TextOutbox texts) {
		eventLog.onErasure((LineRecord line) -> {
			List<String> addresses = new ArrayList<>(List.of(line.msisdn().value()));
			if (line.holder().sms() != null) {
				addresses.add(line.holder().sms().value());
			}
			texts.forget(addresses);
			emails.forget(line.holder().email());
		});
	}

}
