package io.keepline.standalone.seed;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.support.plans.Plans;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SeedCatalogueTest {

	private final SeedCatalogue seeds = SeedCatalogue.read(SeedSource.bundled());

	private final LocalDate today = LocalDate.of(2026, 11, 25);

	private final List<LineRegistered> events = this.seeds.lines()
		.stream()
		.map((line) -> line.toEvent(this.seeds.plans().get(line.plan()), this.today, "http://localhost:8080",
				this.seeds.fingerprint()))
		.toList();

	@Test
	void hasTheThreeOperatorsWithTheirDemoKeys() {
		assertThat(this.seeds.operators().values()).extracting(SeedCatalogue.Operator::id, SeedCatalogue.Operator::key)
			.containsExactly(tuple("orange", "demo-orange-key"), tuple("proximus", "demo-proximus-key"),
					tuple("base", "demo-base-key"));
		assertThat(this.seeds.plans().values()).allSatisfy((plan) -> {
			assertThat(plan.validityDays()).isPositive();
			assertThat(plan.price().amountCents()).isPositive();
		});
	}

	@Test
	void everySeedLineIsAValidRegistrationAcrossLocalesZonesAndChannels() {
		assertThat(this.events).hasSizeBetween(45, 60);
		assertThat(this.events.stream().map((e) -> e.holder().locale()).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(HolderLocale.values());
		assertThat(this.events.stream().map((e) -> e.holder().timeZone()).distinct().count()).isGreaterThan(10);
		Set<Channel> channels = this.events.stream()
			.flatMap((e) -> e.holder().channels().stream())
			.collect(Collectors.toSet());
		assertThat(channels).containsExactlyInAnyOrder(Channel.values());
		assertThat(this.events).anyMatch(LineRegistered::autoRenew);
		assertThat(this.events.stream().map(LineRegistered::msisdn).distinct().count()).isEqualTo(this.events.size());
	}

	@Test
	void someLinesAreDueNowAndOthersWait() {
		assertThat(this.events)
			.filteredOn((e) -> e.effectiveLeadDays()
				.stream()
				.anyMatch((lead) -> !e.validUntil().minusDays(lead).isAfter(this.today)))
			.hasSizeGreaterThan(10);
		assertThat(this.events)
			.filteredOn((e) -> e.effectiveLeadDays()
				.stream()
				.allMatch((lead) -> e.validUntil().minusDays(lead).isAfter(this.today)))
			.hasSizeGreaterThan(10);
	}

	@Test
	void eventIdsAreFixedByTheSeedVersionSoAReplayIsRecognisable() {
		LineSeed first = this.seeds.lines().get(0);
		Plans.Plan plan = this.seeds.plans().get(first.plan());
		assertThat(first.toEvent(plan, this.today.plusDays(3), "http://x", this.seeds.fingerprint()).eventId())
			.isEqualTo(this.events.get(0).eventId());
		assertThat(first.toEvent(plan, this.today, "http://x", "another-version").eventId())
			.isNotEqualTo(this.events.get(0).eventId());
	}

	@Test
	void webhookHoldersPostToTheConsoleOutbox() {
		assertThat(this.events).filteredOn((e) -> e.holder().webhookUrl() != null)
			.isNotEmpty()
			.allSatisfy((e) -> assertThat(e.holder().webhookUrl().toString())
				.startsWith("http://localhost:8080" + LineSeed.WEBHOOK_PATH));
	}

}
