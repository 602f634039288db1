package io.keepline.reliability.poison;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.poison.DeadLetters.Written;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One consumer of one topic: the poisons written to the topic, what the consumer made of
 * each ({@code handling}: its dead letters, or ingest's rejections), and whether each
 * round's good record after them was processed.
 *
 * @param <H> what a handled poison became
 */
final class TopicConsumer<H> {

	private final String name;

	private List<Written> poisons;

	private final Function<Written, List<H>> handling;

	private final List<Round> rounds;

	private final Predicate<Round> processed;

	TopicConsumer(String topic, String consumer, List<Round> rounds, Function<Written, List<H>> handling,
			Predicate<Round> processed) {
		this.name = topic + " / " + consumer;
		this.poisons = rounds.stream()
			.flatMap((round) -> round.written().stream())
			.filter((written) -> written.topic().equals(topic))
			.toList();
		this.handling = handling;
		this.rounds = rounds;
		this.processed = processed;
	}

	/**
	 * This consumer, expected to pass {@code kind} by: a global store, a replica of the
	 * topic on every instance, skips a record keyed by another line (logged), which the
	 * topic's acting consumers dead-letter once.
	 */
	TopicConsumer<H> skipping(Poison kind) {
		this.poisons = this.poisons.stream().filter((poison) -> poison.kind() != kind).toList();
		return this;
	}

	String name() {
		return this.name;
	}

	/** The poisons not handled yet, and the rounds whose good record is not processed. */
	List<Object> missing() {
		List<Object> missing = new ArrayList<>();
		this.poisons.stream().filter((poison) -> this.handling.apply(poison).isEmpty()).forEach(missing::add);
		this.rounds.stream().filter(this.processed.negate()).forEach(missing::add);
		return missing;
	}

	/** How many dead letters (or rejections) the consumer wrote for the poisons. */
	int handled() {
		return this.poisons.stream().mapToInt((poison) -> this.handling.apply(poison).size()).sum();
	}

	/**
	 * Asserts that each poison was handled exactly once and as {@code check} expects, and
	 * that every round's good record was processed; adds the counts to {@code report}.
	 */
	void assertAndReport(String handledAs, BiConsumer<Written, H> check, ReliabilityReport report) {
		for (Written poison : this.poisons) {
			assertThat(this.handling.apply(poison)).as("%s: %s %s", this.name, handledAs, poison)
				.singleElement()
				.satisfies((handled) -> check.accept(poison, handled));
		}
		long processedAfter = this.rounds.stream().filter(this.processed).count();
		assertThat(processedAfter).as("%s: good records processed after the poisons", this.name)
			.isEqualTo(this.rounds.size());
		report.count(this.name + ": poison written", this.poisons.size())
			.count(this.name + ": " + handledAs, handled())
			.count(this.name + ": good processed after", processedAfter);
	}

}
