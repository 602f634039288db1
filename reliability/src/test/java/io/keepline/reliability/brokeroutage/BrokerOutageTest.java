package io.keepline.reliability.brokeroutage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.reliability.BrokerProcess;
import io.keepline.reliability.OwnBroker;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ServiceRun;
import io.keepline.reliability.StoppableBroker;
import io.keepline.testsupport.TopicProbe;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ingest takes a steady stream of operator batches while its Kafka broker is stopped
 * (cleanly, or killed with SIGKILL) and started again on the same data and ports. During
 * the outage ingest must refuse batches with 503 and Retry-After within a bounded time,
 * and its health must say it is down; afterwards it must accept again by itself. Every
 * event it acknowledged must be on line-events, and no event of a refused batch may be.
 * Runs on a broker of its own, since the shared test broker must never stop.
 */
class BrokerOutageTest {

	private static final Logger log = LoggerFactory.getLogger(BrokerOutageTest.class);

	/** Batches accepted before the stop, and again after the recovery. */
	private static final int STEADY_BATCHES = Scale.current().pick(10, 300);

	private static final int SENDERS = 2;

	private static final int BATCH = 5;

	private static final Duration PAUSE = Duration.ofMillis(200);

	/** Longest an answer may take: ingest blocks at most 10 s on Kafka per step. */
	private static final Duration LONGEST_ANSWER = Duration.ofSeconds(30);

	@TempDir
	Path dirs;

	/**
	 * How the broker goes away, and how long it stays away before it is started again.
	 * Ingest blocks up to 10 s on Kafka (max.block.ms) before it answers 503, so a broker
	 * back within 10 s only makes answers slow: the broker is away 12 s or more. A killed
	 * broker needs about 12 s more to serve again (log recovery, its old session).
	 */
	enum Stop {

		/** A controlled shutdown of a broker in this JVM. */
		CLEAN(Duration.ofSeconds(Scale.current().pick(12, 40))),

		/** SIGKILL of a broker in a JVM of its own: no shutdown at all. */
		KILLED(Duration.ofSeconds(Scale.current().pick(4, 30)));

		private final Duration away;

		Stop(Duration away) {
			this.away = away;
		}

		StoppableBroker start(Path dir) {
			return (this == CLEAN) ? OwnBroker.start(dir.resolve("kafka")) : BrokerProcess.start(dir.resolve("broker"),
					ReliabilityReport.directory().resolve("broker-outage-killed-broker.log"));
		}

	}

	@ParameterizedTest(name = "broker {0}")
	@EnumSource(Stop.class)
	void refusesWith503DuringABrokerOutageAndLosesNoAcknowledgedEvent(Stop stop) throws Exception {
		long began = System.nanoTime();
		try (StoppableBroker broker = stop.start(this.dirs);
				ServiceRun ingest = ServiceRun.ingest(broker.bootstrapServers(), Map.of());
				HealthWatch health = new HealthWatch(ingest)) {
			SteadySender sender = new SteadySender(ingest.url("/v1/line-events"), "reliability-orange-key", SENDERS,
					BATCH, PAUSE);
			Outage outage;
			try {
				outage = stopAndRestart(broker, sender, stop.away);
			}
			finally {
				sender.close();
			}
			List<Exchange> exchanges = sender.exchanges();
			Set<String> acknowledged = new HashSet<>();
			Set<String> refused = new HashSet<>();
			for (Exchange exchange : exchanges) {
				acknowledged.addAll(exchange.accepted());
				if (exchange.status() != 200) {
					refused.addAll(exchange.sent());
				}
			}
			Set<String> visible = visibleEventIds(broker, acknowledged);
			Set<String> missing = new HashSet<>(acknowledged);
			missing.removeAll(visible);
			Set<String> refusedButVisible = new HashSet<>(refused);
			refusedButVisible.retainAll(visible);
			long firstDown = health.firstDownAfter(outage.stopping());
			long upAgain = health.upAgain();
			long longest = exchanges.stream().mapToLong(Exchange::millis).max().orElse(0);
			List<Exchange> unavailable = exchanges.stream().filter((e) -> e.status() == 503).toList();

			assertThat(count(exchanges, (e) -> e.status() != 200 && e.status() != 503))
				.as("answers other than 200 and 503 (0: none came)")
				.isZero();
			assertThat(unavailable).as("503s during the outage").isNotEmpty();
			assertThat(unavailable).extracting(Exchange::retryAfter).containsOnly("5");
			// a 503 overlaps the outage: answered after the stop began (a request in
			// flight
			// when the broker went away cannot be acknowledged), and asked before
			// recovery
			assertThat(unavailable).allSatisfy((e) -> {
				assertThat(e.finished()).isGreaterThanOrEqualTo(outage.stopping());
				assertThat(e.started()).isLessThan(outage.recovered());
			});
			assertThat(longest).as("longest answer, ms").isLessThan(LONGEST_ANSWER.toMillis());
			assertThat(missing).as("acknowledged events not on line-events").isEmpty();
			assertThat(refusedButVisible).as("events of refused batches on line-events").isEmpty();
			assertThat(health.downBetween(outage.stopping(), outage.restarting())).as("health down during the outage")
				.isTrue();
			assertThat(upAgain).as("health up again once the broker started").isGreaterThan(outage.restarting());
			assertThat(ingest.healthy()).isTrue();

			ReliabilityReport.of("broker-outage-" + stop.name().toLowerCase(Locale.ROOT))
				.count("requests", exchanges.size())
				.count("answered-200", count(exchanges, (e) -> e.status() == 200))
				.count("answered-503", unavailable.size())
				.count("answered-other", count(exchanges, (e) -> e.status() != 200 && e.status() != 503))
				.count("events-acknowledged", acknowledged.size())
				.count("events-found", acknowledged.size() - missing.size())
				.count("events-missing", missing.size())
				.count("events-refused", refused.size())
				.count("refused-but-visible", refusedButVisible.size())
				.count("broker-away-ms", outage.restarting() - outage.stopping())
				.count("broker-unavailable-ms", outage.restarted() - outage.stopping())
				.count("broker-stop-ms", outage.stopped() - outage.stopping())
				.count("broker-start-ms", outage.restarted() - outage.restarting())
				.count("first-200-after-broker-back-ms", outage.recovered() - outage.restarted())
				.count("health-down-after-stop-began-ms", firstDown - outage.stopping())
				.count("health-up-after-broker-start-ms", upAgain - outage.restarting())
				.count("longest-answer-ms", longest)
				.count("duration-s", Duration.ofNanos(System.nanoTime() - began).toSeconds())
				.write();
		}
	}

	/**
	 * Lets the stream run until it is accepted steadily, stops the broker and keeps it
	 * {@code away} while the stream goes on, starts it again and waits until ingest has
	 * accepted a steady stream again by itself.
	 */
	private static Outage stopAndRestart(StoppableBroker broker, SteadySender sender, Duration away) {
		await("steady stream accepted").atMost(Duration.ofSeconds(60))
			.until(() -> count(sender.exchanges(), (e) -> e.status() == 200) >= STEADY_BATCHES);
		long stopping = System.currentTimeMillis();
		broker.stop();
		long stopped = System.currentTimeMillis();
		log.info("Broker gone after {} ms; sending on for {} s", stopped - stopping, away.toSeconds());
		await("outage").pollDelay(away).atMost(away.plusSeconds(5)).until(() -> true);
		long restarting = System.currentTimeMillis();
		broker.restart();
		long restarted = System.currentTimeMillis();
		log.info("Broker back {} ms after the stop began", restarted - stopping);
		Predicate<Exchange> acceptedAgain = (e) -> e.started() > restarted && e.status() == 200;
		await("ingest accepting again by itself").atMost(Duration.ofSeconds(120))
			.until(() -> count(sender.exchanges(), acceptedAgain) >= 1);
		long recovered = sender.exchanges()
			.stream()
			.filter(acceptedAgain)
			.mapToLong(Exchange::finished)
			.min()
			.getAsLong();
		await("steady stream accepted again").atMost(Duration.ofSeconds(120))
			.until(() -> count(sender.exchanges(), acceptedAgain) >= STEADY_BATCHES);
		return new Outage(stopping, stopped, restarting, restarted, recovered);
	}

	/**
	 * The event ids on line-events for a read_committed reader, once it has every
	 * acknowledged one (or a minute has passed) and nothing more arrives.
	 */
	private static Set<String> visibleEventIds(StoppableBroker broker, Set<String> acknowledged) {
		try (TopicProbe<Msisdn, LineEvent> probe = TopicProbe.of(broker, Topics.LINE_EVENTS)) {
			try {
				await("acknowledged events on line-events").atMost(Duration.ofSeconds(60))
					.until(() -> eventIds(probe).containsAll(acknowledged));
			}
			catch (ConditionTimeoutException ex) {
				log.error("Not every acknowledged event reached line-events: {} of {}",
						eventIds(probe).stream().filter(acknowledged::contains).count(), acknowledged.size());
			}
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
			return eventIds(probe);
		}
	}

	private static Set<String> eventIds(TopicProbe<Msisdn, LineEvent> probe) {
		Set<String> ids = new HashSet<>();
		probe.values().forEach((event) -> ids.add(event.eventId().toString()));
		return ids;
	}

	private static int count(List<Exchange> exchanges, Predicate<Exchange> which) {
		return (int) exchanges.stream().filter(which).count();
	}

	/** Real epoch millis of the outage's steps. */
	private record Outage(long stopping, long stopped, long restarting, long restarted, long recovered) {

	}

}
