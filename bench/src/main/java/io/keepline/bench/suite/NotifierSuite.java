package io.keepline.bench.suite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import io.keepline.bench.BenchContext;
import io.keepline.bench.Comparison;
import io.keepline.bench.Figure;
import io.keepline.bench.Lines;
import io.keepline.bench.ProgressLine;
import io.keepline.bench.Suite;
import io.keepline.bench.Waits;
import io.keepline.bench.baseline.BaselineClients;
import io.keepline.bench.baseline.JavaMailSendRate;
import io.keepline.bench.service.InProcessService;
import io.keepline.bench.sink.OutOfProcessSmtpSink;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.NotifierApplication;
import io.keepline.notifier.NotifierSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Emails per second through the notifier — {@code ReminderDue} on deadline-events to a
 * rendered, localized email accepted by an SMTP sink in another JVM — beside plain
 * JavaMail loops sending similar messages to the same sink over as many connections as
 * the notifier keeps.
 */
public final class NotifierSuite implements Suite {

	private static final int WARM_UP = 50;

	@Override
	public String name() {
		return "notifier";
	}

	@Override
	public List<Comparison> run(BenchContext context) throws Exception {
		BaselineClients.createCatalogueTopics(context.bootstrapServers());
		int count = context.mode().emails();
		Path stateDir = Files.createTempDirectory("bench-notifier");
		try (OutOfProcessSmtpSink sink = OutOfProcessSmtpSink.start()) {
			Figure baseline;
			long baselineCpu = processCpuNanos() + sink.cpuNanos();
			try (ProgressLine progress = context.progress("plain JavaMail loops at the sink (baseline)", count)) {
				baseline = JavaMailSendRate.measure("127.0.0.1", sink.smtpPort(), count, smtpConnections(), progress);
			}
			Figure baselineCpuPerEmail = new Figure("baseline: CPU per email (bench JVM and sink)",
					(processCpuNanos() + sink.cpuNanos() - baselineCpu) / 1e3 / count, "µs");
			Map<String, Object> properties = new HashMap<>();
			properties.put("spring.mail.host", "127.0.0.1");
			properties.put("spring.mail.port", sink.smtpPort());
			properties.put("spring.kafka.streams.state-dir", stateDir.toString());
			properties.put("keepline.links.secret", "bench-link-secret-0123456789abcdef0123456789");
			properties.put("keepline.links.base-url", "http://localhost:8084");
			properties.put("keepline.notifier.webhook-secrets", "orange=b1:bench-webhook-secret-0123456789abcdef");
			properties.put("keepline.notifier.group-id", "bench-notifier-" + UUID.randomUUID());
			Lines lines = new Lines();
			LocalDate validUntil = LocalDate.now().plusDays(7);
			writeLineRecords(context, lines, WARM_UP + count, validUntil);
			try (InProcessService notifier = InProcessService.start(NotifierApplication.class,
					context.bootstrapServers(), properties);
					KafkaProducer<Msisdn, DeadlineEvent> producer = new KafkaProducer<>(
							BaselineClients.producer(context.bootstrapServers()),
							Topics.DEADLINE_EVENTS.keySerde().serializer(),
							Topics.DEADLINE_EVENTS.valueSerde().serializer())) {
				LongSupplier all = throttled(sink::received);
				long before = all.getAsLong();
				LongSupplier received = () -> all.getAsLong() - before;
				send(producer, lines, 0, WARM_UP, validUntil);
				Waits.count("warm-up emails through the notifier", WARM_UP, Duration.ofSeconds(120), received,
						new ProgressLine("warm-up", WARM_UP, context.out(), false));
				long start = System.nanoTime();
				long startCpu = processCpuNanos() + sink.cpuNanos();
				send(producer, lines, WARM_UP, WARM_UP + count, validUntil);
				long done;
				try (ProgressLine progress = context.progress("emails through the notifier", count)) {
					done = Waits.count("emails through the notifier", count, Duration.ofSeconds(60),
							() -> received.getAsLong() - WARM_UP, progress);
				}
				Figure subject = new Figure("emails sent through the notifier", count / ((done - start) / 1e9),
						"emails/s");
				Figure cpuPerEmail = new Figure(
						"CPU per email (bench JVM with the broker and the notifier, and the sink)",
						(processCpuNanos() + sink.cpuNanos() - startCpu) / 1e3 / count, "µs");
				return List.of(new Comparison(name(), subject, baseline, 1_000.0, false, true, List.of(cpuPerEmail,
						baselineCpuPerEmail, new Figure("load average (1 min) after the run", loadAverage(), ""))));
			}
		}
		finally {
			deleteTree(stateDir);
		}
	}

	/**
	 * The line records the scheduler would have written: open lines on
	 * {@code validUntil}.
	 */
	static void writeLineRecords(BenchContext context, Lines lines, int count, LocalDate validUntil) {
		Instant registeredAt = Instant.now().minus(Duration.ofDays(1));
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (KafkaProducer<Msisdn, LineRecord> producer = new KafkaProducer<>(
				BaselineClients.producer(context.bootstrapServers()), Topics.LINES.keySerde().serializer(),
				Topics.LINES.valueSerde().serializer())) {
			for (int i = 0; i < count; i++) {
				Msisdn msisdn = lines.msisdn(i);
				LineRecord record = new LineRecord(msisdn, Lines.OPERATOR, "orange-prepaid-15", validUntil,
						CycleState.OPEN, Money.of(1500, "EUR"), AutoRenewal.OFF,
						Lines.holder(i, ZoneId.of("Europe/Brussels")), registeredAt, registeredAt);
				producer.send(new ProducerRecord<>(Topics.LINES.name(), msisdn, record), (metadata, ex) -> {
					if (ex != null) {
						failure.set(ex);
					}
				});
			}
			producer.flush();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("Could not write line records", failure.get());
		}
	}

	/**
	 * The SMTP connections the notifier keeps open by default, one per thread sending
	 * email: the JavaMail baseline uses as many.
	 */
	static int smtpConnections() {
		return new Binder(new MapConfigurationPropertySource(Map.of("keepline.notifier.webhook-secrets", "unused")))
			.bindOrCreate("keepline.notifier", NotifierSettings.class)
			.smtpConnections();
	}

	/** CPU time this process has used so far, all threads together, in nanoseconds. */
	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** The one-minute load average of this machine, -1 where the system does not tell. */
	static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static void send(KafkaProducer<Msisdn, DeadlineEvent> producer, Lines lines, int from, int to,
			LocalDate validUntil) {
		AtomicReference<Exception> failure = new AtomicReference<>();
		Instant now = Instant.now();
		for (int i = from; i < to; i++) {
			Msisdn msisdn = lines.msisdn(i);
			ReminderDue reminder = new ReminderDue(UUID.randomUUID(), now, msisdn, Lines.OPERATOR, validUntil, 7, now,
					ReminderTrigger.SCHEDULED, Money.of(1500, "EUR"), null, null);
			producer.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), msisdn, reminder), (metadata, ex) -> {
				if (ex != null) {
					failure.set(ex);
				}
			});
		}
		producer.flush();
		if (failure.get() != null) {
			throw new IllegalStateException("Could not write reminders", failure.get());
		}
	}

	/** {@code count}, asked at most four times a second. */
	static LongSupplier throttled(LongSupplier count) {
		return throttled(count, 250_000_000L);
	}

	/** {@code count}, asked at most ten times a second. */
	static LongSupplier throttledFast(LongSupplier count) {
		return throttled(count, 100_000_000L);
	}

	private static LongSupplier throttled(LongSupplier count, long intervalNanos) {
		long[] cache = { 0, 0 };
		return () -> {
			long now = System.nanoTime();
			if (now - cache[1] > intervalNanos) {
				cache[0] = count.getAsLong();
				cache[1] = now;
			}
			return cache[0];
		};
	}

}
