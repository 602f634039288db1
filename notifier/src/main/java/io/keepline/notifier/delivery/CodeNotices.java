package io.keepline.notifier.delivery;

import java.time.Clock;
import java.util.Optional;

import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.notifier.message.MessageType;
import io.keepline.notifier.message.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the one-time code a holder asked for before saving a card: derived here from the
 * link key the request names (the code never travels on a topic), to the channels of the
 * line's current record, in its holder's language. An expired request, an erased or
 * cancelled line, or a key not known here sends nothing; a record not read yet is a
 * transient failure.
 */
public final class CodeNotices {

	private static final Logger log = LoggerFactory.getLogger(CodeNotices.class);

	private final Notifier notifier;

	private final LineLookup lines;

	private final LinkSigner signer;

	private final Clock clock;

	public CodeNotices(Notifier notifier, LineLookup lines, LinkSigner signer, Clock clock) {
		this.notifier = notifier;
		this.lines = lines;
		this.signer = signer;
		this.clock = clock;
	}

	public void handle(PaymentMethodCodeRequested request) {
		if (!this.clock.instant().isBefore(request.expiresAt())) {
			log.info("Card code {} for {} expired before it could be sent", request.eventId(),
					request.msisdn().masked());
			return;
		}
		LineRecord line = this.lines.find(request.msisdn()).orElse(null);
		if (line == null && !this.lines.erased(request.msisdn())) {
			throw new TransientDeliveryException("line_record_missing", "the line's record is not readable yet");
		}
		if (line == null || line.cycleState() == CycleState.CANCELLED) {
			log.info("Card code {} for {} not sent: line no longer managed", request.eventId(),
					request.msisdn().masked());
			return;
		}
		Optional<String> code = this.signer.oneTimeCode(request.keyId(), request.eventId(), request.msisdn(),
				request.expiresAt());
		if (code.isEmpty()) {
			log.warn("Card code {} for {} not sent: link key {} is not known here", request.eventId(),
					request.msisdn().masked(), request.keyId());
			return;
		}
		this.notifier.sendOnce(new Notice(MessageType.CARD_CODE, null, request.eventId().toString(), request.eventId(),
				line.cycle(), line.holder(), 0, null, null, null, null, line.operator(), code.get()));
	}

}
