package io.keepline.bench.micro;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.keepline.bench.baseline.SignatureVerificationRate;
import io.keepline.contracts.CycleId;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Verifying a signed pay link and a Stripe webhook signature: the security checks on
 * every holder click and every Stripe delivery.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBenchmark {

	private static final String SECRET = "whsec_bench_secret_that_is_long_enough";

	private final LinkSigner signer = LinkSigner.fromSecret(SECRET, Clock.systemUTC());

	private final String token = this.signer.issue(LinkPurpose.PAY,
			new CycleId(Msisdn.of("+32470123456"), LocalDate.of(2026, 12, 31)), Duration.ofDays(30));

	private final String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"checkout.session.completed\"}";

	private final String header = SignatureVerificationRate.signatureHeader(this.payload, SECRET,
			System.currentTimeMillis() / 1000);

	/** More links than the memo of numbers has slots (16,384), one number each. */
	private static final int DISTINCT = 1 << 17;

	private final String[] tokens = new String[DISTINCT];

	private int next;

	public SignatureBenchmark() {
		for (int i = 0; i < DISTINCT; i++) {
			this.tokens[i] = this.signer.issue(LinkPurpose.PAY,
					new CycleId(Msisdn.of("+32470%06d".formatted(i)), LocalDate.of(2026, 12, 31)), Duration.ofDays(30));
		}
	}

	@Benchmark
	public LinkVerification verifyPayLink() {
		return this.signer.verify(this.token, LinkPurpose.PAY);
	}

	/** A holder's click: a link whose number was not seen recently. */
	@Benchmark
	public LinkVerification verifyPayLinkNumberNotSeenRecently() {
		this.next = (this.next + 1) & (DISTINCT - 1);
		return this.signer.verify(this.tokens[this.next], LinkPurpose.PAY);
	}

	@Benchmark
	public boolean verifyStripeSignature() throws SignatureVerificationException {
		return Webhook.Signature.verifyHeader(this.payload, this.header, SECRET, 300);
	}

}
