package io.keepline.payments.pages;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import io.keepline.contracts.link.SignedLink;
import io.keepline.payments.PaymentsSettings;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.webhook.WebhookProcessor;
import io.keepline.support.links.LinkSettings;
import io.keepline.support.web.SameOriginPosts;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;

/**
 * The pages answer every kind of link verification (valid, expired, refused) with a page,
 * never a type they do not know.
 */
class LinkVerificationPagesTest {

	private static final String SECRET = "pages-test-link-secret-0123456789abcdef";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-20T10:00:00Z"), ZoneOffset.UTC);

	private static final CycleId CYCLE = new CycleId(Msisdn.of("+32470123456"), LocalDate.parse("2026-12-31"));

	private final LinkSigner signer = LinkSigner.fromSecret(SECRET, CLOCK);

	private final LineRecordLookup nothingKnown = (msisdn) -> Optional.empty();

	private final PaymentHistoryLookup noHistory = (msisdn) -> Optional.empty();

	@Test
	void payPageAnswersEveryVerification() {
		PayController pay = payController();

		tokens(LinkPurpose.PAY).forEach((kind,
				token) -> assertThatCode(
						() -> assertThat(pay.pay(token, new MockHttpServletRequest()).getStatus()).isNotNull())
					.as(kind.getSimpleName())
					.doesNotThrowAnyException());
	}

	@Test
	void autoRenewPageAnswersEveryVerification() {
		AutoRenewController autoRenew = new AutoRenewController(linkedCycles(), new CardCodes(this.signer, CLOCK),
				(event) -> {
				}, mock(PaymentGateway.class), settings(), CLOCK);

		tokens(LinkPurpose.AUTORENEW).forEach((kind, token) -> assertThatCode(
				() -> assertThat(autoRenew.page(token, null, new MockHttpServletRequest()).getStatus()).isNotNull())
			.as(kind.getSimpleName())
			.doesNotThrowAnyException());
	}

	@Test
	void statusPageAnswersEveryVerification() {
		StatusController status = new StatusController(statusPage());

		tokens(LinkPurpose.STATUS).forEach((kind,
				token) -> assertThatCode(
						() -> assertThat(status.status(token, null, null, new MockHttpServletRequest()).getStatus())
							.isNotNull())
					.as(kind.getSimpleName())
					.doesNotThrowAnyException());
	}

	@Test
	void statusSwitchesAnswerEveryVerification() {
		AutoRenewalSwitchController switches = new AutoRenewalSwitchController(statusPage(),
				new SameOriginPosts(URI.create("http://localhost:8084")), mock(WebhookProcessor.class),
				mock(PaymentGateway.class), CLOCK);

		tokens(LinkPurpose.STATUS).forEach((kind, token) -> assertThatCode(() -> {
			assertThat(switches.turnOff(token, new MockHttpServletRequest()).getStatus()).isNotNull();
			assertThat(switches.removeCard(token, new MockHttpServletRequest()).getStatus()).isNotNull();
		}).as(kind.getSimpleName()).doesNotThrowAnyException());
	}

	private StatusPage statusPage() {
		return new StatusPage(this.signer, this.nothingKnown, this.noHistory, AutoRenewalSettings.defaults(),
				PreferencePageSettings.defaults(), CLOCK);
	}

	/** A token of each kind of verification for {@code purpose}. */
	private Map<Class<?>, String> tokens(LinkPurpose purpose) {
		Map<Class<?>, String> tokens = Map.of(LinkVerification.Valid.class,
				this.signer.issue(purpose, CYCLE, Duration.ofHours(1)), LinkVerification.Expired.class,
				this.signer.issue(new SignedLink(purpose, CYCLE, CLOCK.instant().minusSeconds(60))),
				LinkVerification.Rejected.class, "not-a-signed-link");
		tokens.forEach((kind, token) -> assertThat(this.signer.verify(token, purpose)).isInstanceOf(kind));
		assertThat(tokens.keySet()).containsExactlyInAnyOrder(LinkVerification.class.getPermittedSubclasses());
		return tokens;
	}

	private PayController payController() {
		return new PayController(linkedCycles(), mock(PaymentGateway.class), settings(), CLOCK);
	}

	private LinkedCycles linkedCycles() {
		return new LinkedCycles(this.signer, this.nothingKnown, this.noHistory,
				new LinkSettings(SECRET, URI.create("http://localhost:8084")), settings());
	}

	private static PaymentsSettings settings() {
		return new PaymentsSettings(PaymentsSettings.Mode.SANDBOX,
				new PaymentsSettings.StripeSettings(null, "whsec_x", null, Duration.ofSeconds(5), Duration.ofSeconds(5),
						0, 300),
				"p", Duration.ofHours(12), Duration.ofDays(14), Duration.ofSeconds(1), 1, Duration.ofMinutes(5),
				Duration.ofDays(3), Duration.ofHours(20));
	}

}
