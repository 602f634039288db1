package io.keepline.standalone.console;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.standalone.seed.IngestClient;
import io.keepline.standalone.seed.OperatorKeyring;
import io.keepline.standalone.seed.PlanRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Plays the operator integrations of the demo: when a renewal is confirmed, the operator
 * tops the line up and reports the new validity (the plan's {@code validityDays} later)
 * back through ingest as {@code ValidityExtended}, which starts the line's next cycle.
 */
@Component
class SimulatedOperators {

	private static final Logger log = LoggerFactory.getLogger(SimulatedOperators.class);

	private final EventLog eventLog;

	private final IngestClient ingest;

	private final Map<String, String> keys;

	private final PlanRules plans;

	SimulatedOperators(ConsoleSettings settings, EventLog eventLog) {
		this.eventLog = eventLog;
		this.ingest = new IngestClient(settings.ingestUrl());
		this.keys = OperatorKeyring.parse(settings.operatorKeys());
		this.plans = PlanRules.of(settings.seeds());
		eventLog.onEntry((entry) -> {
			if (entry.event() instanceof RenewalConfirmed confirmed) {
				CompletableFuture.runAsync(() -> topUp(confirmed),
						CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
			}
		});
	}

	private void topUp(RenewalConfirmed confirmed) {
		String msisdn = confirmed.msisdn().value();
		LineRecord line = this.eventLog.line(msisdn).orElse(null);
		String key = this.keys.get(confirmed.operator().value());
		if (line == null || key == null || !confirmed.validUntil().equals(line.validUntil())) {
			return;
		}
		LocalDate extended = confirmed.validUntil().plusDays(this.plans.validityDays(line.plan()));
		UUID eventId = UUID
			.nameUUIDFromBytes(("keepline-topup:" + confirmed.cycle().asString()).getBytes(StandardCharsets.UTF_8));
		ValidityExtended event = new ValidityExtended(eventId, Instant.now(), Msisdn.of(msisdn),
				OperatorId.of(confirmed.operator().value()), extended);
		try {
			this.ingest.post(List.of(event), key);
			log.info("Simulated operator {} topped up {}: valid until {}", confirmed.operator().value(),
					confirmed.msisdn(), extended);
		}
		catch (RuntimeException ex) {
			log.warn("Simulated operator could not top up {}: {}", confirmed.msisdn(), ex.getMessage());
		}
	}

}
