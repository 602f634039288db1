package io.keepline.notifier.message;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.PaymentFailure;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.link.LinkSigner;

/**
 * Notices of every message type, and a renderer with a fixed clock and secret.
 */
final class Fixtures {

	static final String SECRET = "test-link-secret-of-at-least-32-bytes!!";

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T08:00:00Z"), ZoneOffset.UTC);

	static final Msisdn MSISDN = Msisdn.of("+32470123456");

	/** September: the longest month name in most of the locales. */
	static final LocalDate VALID_UNTIL = LocalDate.of(2026, 9, 30);

	static final Money PRICE = Money.of(1500, "EUR");

	static final OperatorId OPERATOR = OperatorId.of("orange");

	static final SavedMethod CARD = new SavedMethod("visa", "4242", 12, 2030);

	static final SavedMethod EXPIRING_CARD = new SavedMethod("mastercard", "4444", 8, 2026);

	private Fixtures() {
	}

	static LinkSigner signer() {
		return LinkSigner.fromSecret(SECRET, CLOCK);
	}

	static MessageRenderer renderer() {
		Links links = new Links(signer(), URI.create("https://pay.keepline.test"), Duration.ofDays(7),
				Duration.ofDays(30), CLOCK);
		return new MessageRenderer(new Messages(), links);
	}

	static Holder holder(HolderLocale locale) {
		return new Holder("Li Wei", "li@example.com", MSISDN, null, locale, ZoneId.of("Europe/Brussels"));
	}

	/** One notice of every type and tone, plus every failure reason. */
	static List<Notice> everyNotice(HolderLocale locale) {
		Holder holder = holder(locale);
		CycleId cycle = new CycleId(MSISDN, VALID_UNTIL);
		UUID id = UUID.randomUUID();
		return List.of(
				new Notice(MessageType.REMINDER, Tone.INFORMATIONAL, "30", id, cycle, holder, 30, PRICE, null, null,
						null, OPERATOR),
				new Notice(MessageType.REMINDER, Tone.FIRM, "7", id, cycle, holder, 7, PRICE, null, null, null,
						OPERATOR),
				new Notice(MessageType.REMINDER, Tone.URGENT, "1", id, cycle, holder, 1, PRICE, null, null, null,
						OPERATOR),
				new Notice(MessageType.UPCOMING_CHARGE, null, "7", id, cycle, holder, 7, PRICE, CARD,
						VALID_UNTIL.minusDays(3), null, OPERATOR),
				new Notice(MessageType.UPDATE_CARD, null, "30", id, cycle, holder, 30, PRICE, EXPIRING_CARD,
						VALID_UNTIL.minusDays(3), null, OPERATOR),
				failed(cycle, holder, "card_declined"), failed(cycle, holder, "insufficient_funds"),
				failed(cycle, holder, "expired_card"), failed(cycle, holder, "authentication_required"),
				failed(cycle, holder, "processing_error"),
				new Notice(MessageType.LINE_LAPSED, null, "final", id, cycle, holder, 0, null, null, null, null,
						OPERATOR),
				new Notice(MessageType.RENEWAL_RECEIPT, null, "paid", id, cycle, holder, 0, PRICE, null, null, null,
						OPERATOR)
					.with(new Notice.PaymentFacts(PaymentSource.CHECKOUT, null, null, Duration.ofHours(24))),
				new Notice(MessageType.RENEWAL_RECEIPT, null, "paid", id, cycle, holder, 0, PRICE, null, null, null,
						OPERATOR)
					.with(new Notice.PaymentFacts(PaymentSource.AUTO_RENEWAL, null, VALID_UNTIL.plusYears(1),
							Duration.ofHours(24))),
				refunded(cycle, holder, "already_paid"), refunded(cycle, holder, "amount_mismatch"),
				refunded(cycle, holder, "line_cancelled"), refunded(cycle, holder, "cycle_superseded"),
				refunded(cycle, holder, null),
				new Notice(MessageType.CHECKOUT_FAILED, null, "pi_3Chk", id, cycle, holder, 0, PRICE, null, null,
						new PaymentFailure("card_declined", "generic_decline", 0), OPERATOR)
					.with(new Notice.PaymentFacts(PaymentSource.CHECKOUT, "card_declined", null, Duration.ofHours(24))),
				new Notice(MessageType.PAYMENT_PROCESSING, null, "pi_3Sepa", id, cycle, holder, 0, PRICE, null, null,
						null, OPERATOR)
					.with(new Notice.PaymentFacts(PaymentSource.AUTO_RENEWAL, null, null, Duration.ofHours(24))));
	}

	private static Notice refunded(CycleId cycle, Holder holder, String reason) {
		return new Notice(MessageType.PAYMENT_REFUNDED, null, "pi_3Ref", UUID.randomUUID(), cycle, holder, 0, PRICE,
				null, null, null, OPERATOR)
			.with(new Notice.PaymentFacts(null, reason, null, Duration.ofHours(24)));
	}

	private static Notice failed(CycleId cycle, Holder holder, String reason) {
		return new Notice(MessageType.PAYMENT_FAILED, null, "attempt-1", UUID.randomUUID(), cycle, holder, 3, PRICE,
				CARD, null, new PaymentFailure(reason, null, 1), OPERATOR);
	}

}
