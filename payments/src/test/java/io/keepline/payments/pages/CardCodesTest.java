package io.keepline.payments.pages;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-time codes before a card is saved: how often they may be asked for, and how they
 * are checked.
 */
class CardCodesTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-20T10:00:00Z"));

	private final LinkSigner signer = LinkSigner.fromSecret("card-codes-test-secret-0123456789abcdef", this.clock);

	private final CardCodes codes = new CardCodes(this.signer, this.clock);

	@Test
	void allowsOneRequestAMinuteAndFiveAnHourPerLine() {
		PaymentHistory history = PaymentHistory.empty(LINE);
		int granted = 0;
		int refused = 0;
		for (int second = 0; second < 3600; second += 20) {
			CardCodes.Ask ask = this.codes.ask(LINE, history);
			if (ask instanceof CardCodes.Ask.Granted g) {
				granted++;
				history = history.apply(g.request());
			}
			else {
				refused++;
				assertThat(((CardCodes.Ask.TooSoon) ask).retryAfter()).isPositive();
			}
			this.clock.advance(Duration.ofSeconds(20));
		}
		assertThat(granted).isEqualTo(CardCodes.PER_HOUR);
		assertThat(refused).isEqualTo(180 - CardCodes.PER_HOUR);
		assertThat(this.codes.ask(Msisdn.of("+32470654321"), PaymentHistory.empty(Msisdn.of("+32470654321"))))
			.isInstanceOf(CardCodes.Ask.Granted.class);
	}

	@Test
	void aRequestSeenOnlyInTheHistoryAnotherInstancePublishedCountsToo() {
		PaymentMethodCodeRequested elsewhere = new PaymentMethodCodeRequested(UUID.randomUUID(), this.clock.instant(),
				LINE, this.signer.signingKeyId(), this.clock.instant().plus(CardCodes.TTL));

		assertThat(this.codes.ask(LINE, PaymentHistory.empty(LINE).apply(elsewhere)))
			.isInstanceOf(CardCodes.Ask.TooSoon.class);
	}

	@Test
	void acceptsTheRightCodeOnceAndRefusesAfterFiveWrongTries() {
		PaymentMethodCodeRequested request = granted();
		PaymentHistory history = PaymentHistory.empty(LINE).apply(request);
		String code = code(request);
		String wrong = code.equals("000000") ? "111111" : "000000";

		assertThat(this.codes.check(LINE, history, wrong)).satisfies((check) -> {
			assertThat(check.verdict()).isEqualTo(CardCodes.Check.Verdict.WRONG);
			assertThat(check.triesLeft()).isEqualTo(4);
			assertThat(check.tried().accepted()).isFalse();
		});
		assertThat(this.codes.check(LINE, history, code).verdict()).isEqualTo(CardCodes.Check.Verdict.ACCEPTED);
		assertThat(this.codes.check(LINE, history, code).verdict()).isEqualTo(CardCodes.Check.Verdict.TOO_MANY);

		this.clock.advance(Duration.ofMinutes(2));
		PaymentMethodCodeRequested next = granted();
		PaymentHistory later = history.apply(next);
		for (int i = 0; i < CardCodes.MAX_WRONG - 1; i++) {
			assertThat(this.codes.check(LINE, later, wrong).verdict()).isEqualTo(CardCodes.Check.Verdict.WRONG);
		}
		assertThat(this.codes.check(LINE, later, wrong).verdict()).isEqualTo(CardCodes.Check.Verdict.TOO_MANY);
		assertThat(this.codes.check(LINE, later, code(next)).verdict()).isEqualTo(CardCodes.Check.Verdict.TOO_MANY);
	}

	@Test
	void wrongTriesOnEveryInstanceCountTogetherAndAUseAnywhereEndsTheCode() {
		CardCodes other = new CardCodes(this.signer, this.clock);
		PaymentMethodCodeRequested request = granted();
		PaymentHistory history = PaymentHistory.empty(LINE).apply(request);
		String code = code(request);
		String wrong = code.equals("000000") ? "111111" : "000000";

		for (int i = 0; i < CardCodes.MAX_WRONG - 1; i++) {
			CardCodes.Check check = ((i % 2 == 0) ? this.codes : other).check(LINE, history, wrong);
			assertThat(check.verdict()).isEqualTo(CardCodes.Check.Verdict.WRONG);
			assertThat(check.triesLeft()).isEqualTo(CardCodes.MAX_WRONG - 1 - i);
			history = history.apply(check.tried()).apply(check.tried());
		}
		CardCodes.Check fifth = other.check(LINE, history, wrong);
		history = history.apply(fifth.tried());

		assertThat(fifth.verdict()).isEqualTo(CardCodes.Check.Verdict.TOO_MANY);
		assertThat(history.latestCodeRequest().orElseThrow().wrongTries()).hasSize(CardCodes.MAX_WRONG);
		assertThat(this.codes.check(LINE, history, code).verdict()).isEqualTo(CardCodes.Check.Verdict.TOO_MANY);
		assertThat(new CardCodes(this.signer, this.clock).check(LINE, history, code).verdict())
			.isEqualTo(CardCodes.Check.Verdict.TOO_MANY);

		this.clock.advance(Duration.ofMinutes(2));
		PaymentMethodCodeRequested next = granted();
		PaymentHistory later = history.apply(next);
		CardCodes.Check used = this.codes.check(LINE, later, code(next));
		assertThat(used.verdict()).isEqualTo(CardCodes.Check.Verdict.ACCEPTED);
		assertThat(other.check(LINE, later.apply(used.tried()), code(next)).verdict())
			.isEqualTo(CardCodes.Check.Verdict.TOO_MANY);
	}

	@Test
	void anExpiredCodeOrNoneAtAllIsNoCode() {
		PaymentMethodCodeRequested request = granted();
		PaymentHistory history = PaymentHistory.empty(LINE).apply(request);

		assertThat(this.codes.check(LINE, PaymentHistory.empty(LINE), "123456").verdict())
			.isEqualTo(CardCodes.Check.Verdict.NO_CODE);
		this.clock.advance(CardCodes.TTL);
		assertThat(this.codes.check(LINE, history, code(request)).verdict()).isEqualTo(CardCodes.Check.Verdict.NO_CODE);
	}

	private PaymentMethodCodeRequested granted() {
		return ((CardCodes.Ask.Granted) this.codes.ask(LINE, PaymentHistory.empty(LINE))).request();
	}

	private String code(PaymentMethodCodeRequested request) {
		return this.signer.oneTimeCode(request.keyId(), request.eventId(), LINE, request.expiresAt()).orElseThrow();
	}

}
