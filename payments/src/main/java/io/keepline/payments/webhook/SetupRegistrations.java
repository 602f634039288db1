package io.keepline.payments.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.payments.gateway.CycleMetadata;
import io.keepline.payments.line.LineRecordLookup;

/**
 * Whether a payment method saved through a setup session may be kept: only for a line
 * with a current registration, not cancelled nor lapsed, and no newer than the
 * registration the session was created for ({@link CycleMetadata#REGISTERED_AT}); a
 * method saved for anyone else must be detached, so that the number's next holder never
 * inherits it.
 */
final class SetupRegistrations {

	private final LineRecordLookup lines;

	SetupRegistrations(LineRecordLookup lines) {
		this.lines = lines;
	}

	/** Why the method saved for {@code msisdn} must be refused; empty to keep it. */
	Optional<String> refusal(Msisdn msisdn, Map<String, String> metadata) {
		Optional<LineRecord> found = this.lines.find(msisdn);
		if (found.isEmpty()) {
			return Optional.of("no_registration");
		}
		LineRecord line = found.get();
		if (line.cycleState() == CycleState.CANCELLED || line.cycleState() == CycleState.LAPSED) {
			return Optional.of("line_" + line.cycleState().name().toLowerCase(Locale.ROOT));
		}
		Instant sessionFor = registeredAt(metadata);
		if (sessionFor != null && line.registeredAt() != null && sessionFor.isBefore(line.registeredAt())) {
			return Optional.of("older_registration");
		}
		return Optional.empty();
	}

	private static Instant registeredAt(Map<String, String> metadata) {
		String value = (metadata != null) ? metadata.get(CycleMetadata.REGISTERED_AT) : null;
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new UnreadableEventException("Keepline metadata is invalid", ex);
		}
	}

}
