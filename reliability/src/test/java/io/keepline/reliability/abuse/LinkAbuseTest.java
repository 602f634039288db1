package io.keepline.reliability.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.reliability.DueLines;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.Unique;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario B of issue #7, the links half: payments' holder pages opened with forged,
 * tampered, truncated, padded, re-encoded, expired, wrong-purpose and garbage tokens
 * while the cycle they name is open and payable. Each is refused with a page that says so
 * (403 not valid, 410 expired or a line no longer managed), none reaches Stripe, and the
 * genuine links still work. (Operator keys on the read API are rows of scenario A.) Every
 * bad link is sent once, before the tests, which check what each got back.
 */
@RealKafka
@ExtendWith(AbuseServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkAbuseTest {

	private Services services;

	private LinkVariants links;

	private int stripeWritesBefore;

	private final List<Sent> variants = new ArrayList<>();

	private final List<Sent> mutations = new ArrayList<>();

	private long mutationSeed;

	private int stripeCallsOfBadLinks;

	@BeforeAll
	void openACycleAndSendEveryBadLink(Services running) {
		this.services = running;
		LineRegistered line = DueLines.register(this.services.ingest(),
				"abuse-b-" + Instant.now().toEpochMilli() + "@example.com");
		this.links = new LinkVariants(new CycleId(line.msisdn(), line.validUntil()),
				new CycleId(Unique.msisdn(), line.validUntil()));
		String status = "/status/" + this.links.genuine(LinkPurpose.STATUS);
		await("payments knows the open cycle").atMost(Duration.ofSeconds(60))
			.until(() -> Http.get(this.services.payments().url(status)).body().contains("Waiting for payment"));
		this.stripeWritesBefore = this.services.stripeWrites();
		for (LinkVariants.Variant variant : this.links.all()) {
			this.variants.add(send(variant));
		}
		this.mutationSeed = System.nanoTime();
		for (LinkVariants.Variant mutation : LinkMutations.of(this.links, this.mutationSeed,
				Scale.current().pick(60, 3_000))) {
			this.mutations.add(send(mutation));
		}
		this.stripeCallsOfBadLinks = this.services.stripeWrites() - this.stripeWritesBefore;
	}

	Stream<Arguments> badLinks() {
		return this.variants.stream().map((sent) -> Arguments.of(sent.variant(), sent.reply()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badLinks")
	void isRefusedWithAPageThatSaysWhy(LinkVariants.Variant variant, Http.Reply reply) {
		assertThat(reply.status()).as("%s answered %s", variant, reply.answered() ? reply.status() : reply)
			.isEqualTo(variant.status());
		assertThat(reply.body()).contains(variant.clue());
	}

	@Test
	void randomOneCharacterChangesOfGenuineLinksAreRefused() {
		List<String> accepted = this.mutations.stream()
			.filter((sent) -> !sent.refusedAsForged())
			.map((sent) -> sent.variant() + " (seed " + this.mutationSeed + ", token " + sent.variant().token()
					+ ") -> " + sent.reply().status())
			.toList();

		assertThat(accepted).as("mutated links not refused (seed %d)", this.mutationSeed).isEmpty();
	}

	@Test
	void noBadLinkReachedStripeAndTheGenuineOnesStillWork() {
		List<String> accepted = Stream
			.concat(this.variants.stream().filter((sent) -> !sent.refused()),
					this.mutations.stream().filter((sent) -> !sent.refusedAsForged()))
			.map((sent) -> sent.variant() + " -> " + sent.reply().status())
			.toList();
		assertThat(accepted).as("bad links not refused as they must be").isEmpty();
		assertThat(this.stripeCallsOfBadLinks).as("requests the bad links caused at Stripe").isZero();

		Http.Reply status = Http.get(this.services.payments().url("/status/" + this.links.genuine(LinkPurpose.STATUS)));
		Http.Reply pay = Http.get(this.services.payments().url("/pay/" + this.links.genuine(LinkPurpose.PAY)));
		Http.Reply autoRenew = Http
			.get(this.services.payments().url("/autorenew/" + this.links.genuine(LinkPurpose.AUTORENEW)));

		assertThat(status.status()).isEqualTo(200);
		assertThat(status.body()).contains("Waiting for payment");
		assertThat(pay.status()).as("pay: %s", pay).isEqualTo(303);
		assertThat(pay.header("Location")).isEqualTo(Services.CHECKOUT_URL);
		// a genuine auto-renew link only offers to send a one-time code: no Stripe call
		assertThat(autoRenew.status()).as("autorenew: %s", autoRenew).isEqualTo(200);
		assertThat(autoRenew.body()).contains("Send me a code");
		assertThat(this.services.stripeWrites() - this.stripeWritesBefore).as("the genuine links' Checkout Sessions")
			.isEqualTo(1);

		int tried = this.variants.size() + this.mutations.size();
		ReliabilityReport.of("links")
			.count("variants-tried", tried)
			.count("of-which-random-mutations", this.mutations.size())
			.count("refused", tried - accepted.size())
			.count("stripe-calls-caused", this.stripeCallsOfBadLinks)
			.count("genuine-links-working", 3)
			.write();
	}

	private Sent send(LinkVariants.Variant variant) {
		// unsubscribe links (RFC 8058 one-click) and the preference page are the
		// notifier's, the other pages payments'
		var service = (variant.page() == LinkPurpose.UNSUBSCRIBE || variant.page() == LinkPurpose.PREFERENCES)
				? this.services.notifier() : this.services.payments();
		return new Sent(variant, Http.get(service.url(variant.path())));
	}

	/** A bad link and what payments answered. */
	private record Sent(LinkVariants.Variant variant, Http.Reply reply) {

		/** Refused with the status and the words its variant names. */
		boolean refused() {
			return this.reply.answered() && this.reply.status() == this.variant.status()
					&& this.reply.body().contains(this.variant.clue());
		}

		/** Refused as a link that is not valid, as every one-character change must be. */
		boolean refusedAsForged() {
			return this.reply.answered() && this.reply.status() == 403
					&& this.reply.body().contains(this.variant.clue());
		}

	}

}
