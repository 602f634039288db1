package io.keepline.standalone.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notice.RenewalPaid;
import io.keepline.contracts.webhook.WebhookKeys;
import io.keepline.contracts.webhook.WebhookSignature;
import io.keepline.standalone.seed.IngestClient;
import io.keepline.standalone.seed.OperatorKeyring;
import io.keepline.standalone.seed.PlanRules;
import io.keepline.support.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's operator integrations, as the receivers of their operators' notice webhooks:
 * a notice is taken only with a valid signature of that operator's key, and once per
 * {@code Keepline-Notice-Id} (a repeat is acknowledged once the first is done, and asked
 * to retry while it is under way, so that a failure of the first is never masked); on a
 * {@code RenewalPaid} the operator tops the line up (the plan's {@code validityDays}
 * later) and reports it as {@code ValidityExtended} through ingest's HTTP API with its
 * own key, as a real operator would.
 */
@RestController
class SimulatedOperators {

	/** The header carrying the notice id (ingest's {@code HttpNoticeWebhook}). */
	static final String NOTICE_ID_HEADER = "Keepline-Notice-Id";

	/** How many notice ids each receiver remembers to drop duplicates. */
	static final int REMEMBERED_NOTICES = 10_000;

	private static final Logger log = LoggerFactory.getLogger(SimulatedOperators.class);

	private final IngestClient ingest;

	private final Map<String, String> keys;

	private final PlanRules plans;

	private final Set<String> simulated;

	private final WebhookKeys signatures;

	private final Clock clock;

	private final Map<UUID, Handling> seen = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<UUID, Handling> eldest) {
			return size() > REMEMBERED_NOTICES;
		}

	};

	/** Where a notice id stands at this receiver. */
	enum Handling {

		/** Not seen before: this delivery acts on it. */
		NEW,
		/**
		 * Another delivery is acting on it: this one must be retried, not acknowledged.
		 */
		IN_PROGRESS,
		/** Acted on: a duplicate, acknowledged and dropped. */
		DONE

	}

	SimulatedOperators(ConsoleSettings settings, Clock clock) {
		this.ingest = new IngestClient(settings.ingestUrl());
		this.keys = OperatorKeyring.parse(settings.operatorKeys());
		this.plans = PlanRules.of(settings.seeds());
		this.simulated = settings.simulatedOperators();
		this.signatures = this.simulated.isEmpty() ? null : WebhookKeys.parse(settings.operatorWebhookSecrets());
		this.clock = clock;
	}

	@PostMapping(ConsoleSettings.SIMULATED_OPERATORS_PATH + "{operator}/notices")
	ResponseEntity<?> notice(@PathVariable String operator, @RequestHeader HttpHeaders headers,
			@RequestBody(required = false) byte[] body) {
		Optional<WebhookSignature> signature = this.simulated.contains(operator)
				? this.signatures.of(OperatorId.of(operator)) : Optional.empty();
		if (signature.isEmpty()) {
			return Problems.of(HttpStatus.NOT_FOUND, "no simulated operator " + operator + " in this console");
		}
		byte[] raw = (body != null) ? body : new byte[0];
		if (!signature.get()
			.verify(headers.getFirst(WebhookSignature.HEADER), raw, this.clock.instant(),
					OutboxEndpoints.SIGNATURE_TOLERANCE)) {
			return Problems.unauthorized("a notice to " + operator + " needs a valid " + WebhookSignature.HEADER
					+ " of " + operator + "'s key");
		}
		OperatorNotice notice;
		try {
			notice = EventJson.read(raw, OperatorNotice.class);
		}
		catch (RuntimeException ex) {
			return Problems.of(HttpStatus.BAD_REQUEST, "body: not an operator notice (" + ex.getMessage() + ")");
		}
		if (!notice.operator().value().equals(operator)) {
			return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
					"operator: the notice is for " + notice.operator() + ", not " + operator);
		}
		String noticeId = headers.getFirst(NOTICE_ID_HEADER);
		if (!notice.noticeId().toString().equals(noticeId)) {
			return Problems.of(HttpStatus.BAD_REQUEST,
					NOTICE_ID_HEADER + ": missing or not the notice's noticeId " + notice.noticeId());
		}
		Handling handling = begin(notice.noticeId());
		if (handling == Handling.DONE) {
			return ResponseEntity.noContent().build();
		}
		if (handling == Handling.IN_PROGRESS) {
			return Problems.unavailable("this notice is being handled; retry", Duration.ofSeconds(5));
		}
		try {
			if (notice instanceof RenewalPaid paid) {
				topUp(paid);
			}
		}
		catch (RuntimeException ex) {
			end(notice.noticeId(), false);
			log.warn("Simulated operator {} could not top up {}: {}", operator, notice.msisdn(), ex.getMessage());
			return Problems.unavailable("the top-up could not be reported to ingest; retry", Duration.ofSeconds(5));
		}
		end(notice.noticeId(), true);
		return ResponseEntity.noContent().build();
	}

	/** Tops the paid line up and reports the new validity through ingest. */
	private void topUp(RenewalPaid paid) {
		String operator = paid.operator().value();
		String key = this.keys.get(operator);
		if (key == null) {
			log.warn("Simulated operator {} has no plain key in KEEPLINE_OPERATOR_KEYS: {} not topped up", operator,
					paid.msisdn());
			return;
		}
		LocalDate extended = paid.validUntil().plusDays(this.plans.validityDays(paid.plan()));
		CycleId cycle = new CycleId(paid.msisdn(), paid.validUntil());
		UUID eventId = UUID.nameUUIDFromBytes(("keepline-topup:" + cycle.asString()).getBytes(StandardCharsets.UTF_8));
		ValidityExtended event = new ValidityExtended(eventId, this.clock.instant(), paid.msisdn(), paid.operator(),
				extended);
		IngestClient.Outcome outcome = this.ingest.post(List.of(event), key);
		if (outcome.accepted() == 1) {
			log.info("Simulated operator {} topped up {}: valid until {}", operator, paid.msisdn(), extended);
		}
		else {
			log.warn("Ingest refused the top-up of {} by {}: {}", paid.msisdn(), operator, outcome.errors());
		}
	}

	/** Where the notice stood; a new one is now in progress. */
	private synchronized Handling begin(UUID noticeId) {
		Handling before = this.seen.putIfAbsent(noticeId, Handling.IN_PROGRESS);
		return (before != null) ? before : Handling.NEW;
	}

	/** Marks the notice done, or forgets it so that a retry acts on it again. */
	private synchronized void end(UUID noticeId, boolean done) {
		if (done) {
			this.seen.put(noticeId, Handling.DONE);
		}
		else {
			this.seen.remove(noticeId);
		}
	}

}
