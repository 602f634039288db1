package io.keepline.reliability.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario B of issue #7, the links half: payments' holder pages opened with forged,
 * tampered, truncated, padded, re-encoded, expired, wrong-purpose and garbage tokens
 * while the cycle they name is open and payable. Each is refused with a page that says so
 * (403 not valid, 410 expired, 404 unknown renewal), none reaches Stripe, and the genuine
 * links still work. (Operator keys on the read API are rows of scenario A.)
 */
@RealKafka
@ExtendWith(AbuseServices.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkAbuseTest {

	private static final AtomicInteger tried = new AtomicInteger();

	private static final AtomicInteger mutated = new AtomicInteger();

	private static final List<String> accepted = new ArrayList<>();

	private static Services services;

	private static LinkVariants links;

	private static int stripeWritesBefore;

	@BeforeAll
	static void openACycle(Services running) {
		services = running;
		LineRegistered line = DueLines.register(services.ingest(),
				"abuse-b-" + Instant.now().toEpochMilli() + "@example.com");
		links = new LinkVariants(new CycleId(line.msisdn(), line.validUntil()),
				new CycleId(Unique.msisdn(), line.validUntil()));
		String status = "/status/" + links.genuine(LinkPurpose.STATUS);
		await("payments knows the open cycle").atMost(Duration.ofSeconds(60))
			.until(() -> Http.get(services.payments().url(status)).body().contains("Waiting for payment"));
		stripeWritesBefore = services.stripeWrites();
	}

	static Stream<LinkVariants.Variant> badLinks() {
		return links.all().stream();
	}

	@Order(1)
	@ParameterizedTest(name = "{0}")
	@MethodSource("badLinks")
	void isRefusedWithAPageThatSaysWhy(LinkVariants.Variant variant) {
		Http.Reply reply = Http.get(services.payments().url(variant.path()));
		tried.incrementAndGet();
		boolean refused = reply.answered() && reply.status() == variant.status()
				&& reply.body().contains(variant.clue());
		if (!refused) {
			synchronized (accepted) {
				accepted.add(variant + " -> " + reply.status());
			}
		}

		assertThat(reply.status()).as("%s answered %s", variant, reply.answered() ? reply.status() : reply)
			.isEqualTo(variant.status());
		assertThat(reply.body()).contains(variant.clue());
	}

	@Order(2)
	@Test
	void randomOneCharacterChangesOfGenuineLinksAreRefused() {
		long seed = System.nanoTime();
		List<LinkVariants.Variant> mutations = LinkMutations.of(links, seed, Scale.current().pick(60, 3_000));
		for (LinkVariants.Variant mutation : mutations) {
			Http.Reply reply = Http.get(services.payments().url(mutation.path()));
			tried.incrementAndGet();
			mutated.incrementAndGet();
			if (!reply.answered() || reply.status() != 403 || !reply.body().contains(mutation.clue())) {
				synchronized (accepted) {
					accepted
						.add(mutation + " (seed " + seed + ", token " + mutation.token() + ") -> " + reply.status());
				}
			}
		}

		assertThat(accepted).as("mutated links not refused (seed %d)", seed).isEmpty();
	}

	@Order(3)
	@Test
	void noBadLinkReachedStripeAndTheGenuineOnesStillWork() {
		int stripeCalls = services.stripeWrites() - stripeWritesBefore;
		assertThat(accepted).as("bad links not refused as they must be").isEmpty();
		assertThat(stripeCalls).as("requests the bad links caused at Stripe").isZero();

		Http.Reply status = Http.get(services.payments().url("/status/" + links.genuine(LinkPurpose.STATUS)));
		Http.Reply pay = Http.get(services.payments().url("/pay/" + links.genuine(LinkPurpose.PAY)));
		Http.Reply autoRenew = Http.get(services.payments().url("/autorenew/" + links.genuine(LinkPurpose.AUTORENEW)));

		assertThat(status.status()).isEqualTo(200);
		assertThat(status.body()).contains("Waiting for payment");
		assertThat(pay.status()).as("pay: %s", pay).isEqualTo(303);
		assertThat(pay.header("Location")).isEqualTo(Services.CHECKOUT_URL);
		assertThat(autoRenew.status()).as("autorenew: %s", autoRenew).isEqualTo(303);
		assertThat(services.stripeWrites() - stripeWritesBefore).as("the genuine links' Checkout Sessions")
			.isEqualTo(2);

		ReliabilityReport.of("links")
			.count("variants-tried", tried.get())
			.count("of-which-random-mutations", mutated.get())
			.count("refused", tried.get() - accepted.size())
			.count("stripe-calls-caused", stripeCalls)
			.count("genuine-links-working", 3)
			.write();
	}

}
