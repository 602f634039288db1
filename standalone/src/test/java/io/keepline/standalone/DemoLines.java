package io.keepline.standalone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.standalone.seed.IngestClient;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.Unique;

/**
 * Lines that tests register through ingest, as an operator integration would: due for a
 * reminder right now, for a holder whose local time is daytime, so the scheduler sends it
 * at once.
 */
final class DemoLines {

	/** One city per UTC offset, enough that one of them always has daytime. */
	private static final List<String> ZONES = List.of("Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles",
			"America/Denver", "America/Chicago", "America/New_York", "America/Sao_Paulo", "Atlantic/South_Georgia",
			"Atlantic/Azores", "Europe/London", "Europe/Brussels", "Europe/Athens", "Europe/Moscow", "Asia/Dubai",
			"Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane",
			"Pacific/Noumea", "Pacific/Auckland", "Pacific/Tongatapu", "Pacific/Kiritimati");

	private DemoLines() {
	}

	/** A zone where it is now between 10:00 and 20:00, well inside the send window. */
	static ZoneId daytimeZone() {
		Instant now = Instant.now();
		return ZONES.stream().map(ZoneId::of).filter((zone) -> {
			LocalTime local = now.atZone(zone).toLocalTime();
			return !local.isBefore(LocalTime.of(10, 0)) && local.isBefore(LocalTime.of(20, 0));
		}).findFirst().orElseThrow();
	}

	/**
	 * Registers a fresh line valid for 5 more days with one reminder stage 7 days before:
	 * that stage is already past, so its reminder goes out at once.
	 */
	static LineRegistered register(Pipeline pipeline, String email) {
		return register(pipeline, email, false);
	}

	/**
	 * {@link #register(Pipeline, String)}, with the operator allowing automatic renewal
	 * if {@code autoRenew}.
	 */
	static LineRegistered register(Pipeline pipeline, String email, boolean autoRenew) {
		return register(pipeline, email, autoRenew, HolderLocale.EN);
	}

	/**
	 * {@link #register(Pipeline, String, boolean)} for a holder writing {@code locale}.
	 */
	static LineRegistered register(Pipeline pipeline, String email, boolean autoRenew, HolderLocale locale) {
		Msisdn msisdn = Unique.msisdn();
		LineRegistered line = new LineRegistered(UUID.randomUUID(), null, msisdn, OperatorId.of("orange"),
				"orange-prepaid-15", LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(5), Money.of(1500, "EUR"),
				new Holder("Test Holder", email, null, null, locale, daytimeZone()), List.of(7), autoRenew);
		IngestClient.Outcome outcome = new IngestClient(StandaloneSettings.url(pipeline.settings().ports().ingest()))
			.post(List.of(line), "demo-orange-key");
		if (outcome.accepted() != 1) {
			throw new IllegalStateException("ingest did not accept the test line: " + outcome.errors());
		}
		return line;
	}

	/** The pipeline's broker as test-support's {@link KafkaCluster}, for topic probes. */
	static KafkaCluster cluster(Pipeline pipeline) {
		return new KafkaCluster() {

			@Override
			public String bootstrapServers() {
				return pipeline.bootstrapServers();
			}

			@Override
			public String description() {
				return "the standalone's broker";
			}

			@Override
			public void close() {
			}

		};
	}

}
