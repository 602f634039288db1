package io.keepline.notifier.holder;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.keepline.contracts.Channel;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.choice.HolderChoices;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnsubscriptionsTest {

	private static final Instant REGISTERED = Instant.parse("2026-11-01T10:00:00Z");

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void twoChoicesAtOnceBothSurviveThoughTheStoreShowsNeitherYet() throws Exception {
		LaggingStore store = new LaggingStore();
		Unsubscriptions unsubscriptions = new Unsubscriptions(store, CLOCK);
		LineRecord line = line();
		CountDownLatch start = new CountDownLatch(1);

		CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
			await(start);
			unsubscriptions.stop(line, Channel.EMAIL, HolderChoices.Via.ONE_CLICK_UNSUBSCRIBE);
		});
		CompletableFuture<Void> stopSms = CompletableFuture.runAsync(() -> {
			await(start);
			unsubscriptions.stop(line, Channel.SMS, HolderChoices.Via.SMS_STOP);
		});
		start.countDown();
		CompletableFuture.allOf(stop, stopSms).get();

		assertThat(store.saved).hasSize(2);
		assertThat(store.saved.get(1).suppressedChannels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
	}

	@Test
	void theHolderMayAllowAChannelAgainThatTheyUnsubscribedFrom() {
		LaggingStore store = new LaggingStore();
		Unsubscriptions unsubscriptions = new Unsubscriptions(store, CLOCK);
		LineRecord line = line();

		unsubscriptions.stop(line, Channel.SMS, HolderChoices.Via.SMS_STOP);
		unsubscriptions.choose(line, Set.of(Channel.EMAIL, Channel.SMS), HolderLocale.NL);

		assertThat(store.saved).hasSize(2);
		assertThat(unsubscriptions.current(line).suppressedChannels()).isEmpty();
		assertThat(unsubscriptions.current(line).locale()).isEqualTo(HolderLocale.NL);
	}

	private static LineRecord line() {
		Holder holder = new Holder("Camille", "c@example.com", Msisdn.of("+32470000001"),
				URI.create("https://hooks.example/h"), HolderLocale.EN, ZoneId.of("Europe/Brussels"));
		return new LineRecord(Msisdn.of("+32470000002"), OperatorId.of("orange"), "orange-prepaid-15",
				LocalDate.of(2026, 12, 31), CycleState.OPEN, Money.of(1500, "EUR"), AutoRenewal.OFF, holder, REGISTERED,
				REGISTERED);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A store whose reads never show what was written (the global store lags). */
	private static final class LaggingStore implements HolderStore {

		private final List<HolderChoices> saved = new ArrayList<>();

		@Override
		public Optional<LineRecord> line(Msisdn msisdn) {
			return Optional.empty();
		}

		@Override
		public List<LineRecord> linesReachedBy(Msisdn sms) {
			return List.of();
		}

		@Override
		public Optional<HolderChoices> choices(Msisdn msisdn) {
			return Optional.empty();
		}

		@Override
		public synchronized void save(HolderChoices choices) {
			this.saved.add(choices);
		}

	}

}
