package io.keepline.bench.suite;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keepline.bench.AcknowledgedSends;
import io.keepline.bench.BenchContext;
import io.keepline.bench.Comparison;
import io.keepline.bench.Figure;
import io.keepline.bench.Lines;
import io.keepline.bench.ProgressLine;
import io.keepline.bench.Suite;
import io.keepline.bench.baseline.BaselineClients;
import io.keepline.bench.service.InProcessService;
import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.NotifierApplication;
import io.keepline.notifier.delivery.SentLog;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The notifier's start-up time and heap with many notifications already sent (the
 * notification-events topic full of {@code NotificationSent} spread over its 400 days of
 * retention) beside the same start with an empty topic: the first start of a new instance
 * (an empty state directory) and a restart on the state the first one left.
 */
public final class SentLogSuite implements Suite {

	private static final Duration HISTORY = Duration.ofDays(399);

	@Override
	public String name() {
		return "sentlog";
	}

	@Override
	public List<Comparison> run(BenchContext context) throws Exception {
		BaselineClients.createCatalogueTopics(context.bootstrapServers());
		int count = switch (context.mode().name()) {
			case "smoke" -> 2_000;
			case "quick" -> 200_000;
			default -> 10_000_000;
		};
		Path emptyDir = Files.createTempDirectory("bench-sentlog-empty");
		Path fullDir = Files.createTempDirectory("bench-sentlog-full");
		try {
			long heapBefore = heapAfterGc();
			Start empty = start(context, emptyDir, heapBefore);
			write(context, count);
			Start first = start(context, fullDir, heapBefore);
			Start restart = start(context, fullDir, heapBefore);
			String sent = String.format("%,d", count);
			Figure baseline = new Figure("start with an empty notification-events", empty.seconds(), "s");
			return List.of(
					new Comparison(name(),
							new Figure("restart with " + sent + " sent in the topic", restart.seconds(), "s"), baseline,
							10.0, false, false,
							List.of(new Figure("heap added by the notifier (empty topic)", empty.heapMib(), "MiB"),
									new Figure("heap added by the notifier (restart)", restart.heapMib(), "MiB"),
									new Figure("sent-log entries after the restart", restart.entries(), "entries"),
									new Figure("load average (1 min)", NotifierSuite.loadAverage(), ""))),
					new Comparison(name(),
							new Figure("first start of a new instance, " + sent + " sent in the topic", first.seconds(),
									"s"),
							baseline, 10.0, false, false,
							List.of(new Figure("heap added by the notifier (first start)", first.heapMib(), "MiB"),
									new Figure("sent-log entries read (the last days of the topic)", first.entries(),
											"entries"))));
		}
		finally {
			NotifierSuite.deleteTree(emptyDir);
			NotifierSuite.deleteTree(fullDir);
		}
	}

	private static Start start(BenchContext context, Path stateDir, long heapBefore) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.kafka.streams.state-dir", stateDir.toString());
		properties.put("keepline.links.secret", "bench-link-secret-0123456789abcdef0123456789");
		properties.put("keepline.notifier.webhook-secrets", "orange=b1:bench-webhook-secret-0123456789abcdef");
		properties.put("keepline.notifier.group-id", "bench-sentlog-" + UUID.randomUUID());
		long start = System.nanoTime();
		try (InProcessService notifier = InProcessService.start(NotifierApplication.class, context.bootstrapServers(),
				properties)) {
			double seconds = (System.nanoTime() - start) / 1e9;
			double heap = (heapAfterGc() - heapBefore) / (1024.0 * 1024.0);
			long entries = notifier.bean(SentLog.class).size();
			context.out()
				.printf("  notifier started in %.1f s, heap +%.1f MiB, sent-log about %,d entries%n", seconds, heap,
						entries);
			return new Start(seconds, heap, entries);
		}
	}

	/**
	 * Writes {@code count} notifications sent to distinct holders, their timestamps
	 * spread evenly over the topic's retention, the newest now.
	 */
	private static void write(BenchContext context, int count) {
		Lines lines = new Lines();
		long now = System.currentTimeMillis();
		long step = Math.max(1, HISTORY.toMillis() / count);
		Map<String, Object> config = BaselineClients.producer(context.bootstrapServers());
		try (KafkaProducer<Msisdn, NotificationEvent> producer = new KafkaProducer<>(config,
				Topics.NOTIFICATION_EVENTS.keySerde().serializer(),
				Topics.NOTIFICATION_EVENTS.valueSerde().serializer());
				ProgressLine progress = context.progress("notifications sent, into notification-events", count)) {
			AcknowledgedSends acks = new AcknowledgedSends(progress);
			for (int i = 0; i < count; i++) {
				long timestamp = now - (long) (count - 1 - i) * step;
				Msisdn msisdn = lines.msisdn(i % 20_000_000);
				NotificationSent sent = new NotificationSent(UUID.randomUUID(), Instant.ofEpochMilli(timestamp), msisdn,
						msisdn.value() + ":2026-12-31:reminder-firm-7:email", UUID.randomUUID(), Channel.EMAIL,
						"reminder-firm", HolderLocale.EN, "<" + i + "@bench>");
				producer.send(new ProducerRecord<>(Topics.NOTIFICATION_EVENTS.name(), null, timestamp, msisdn, sent),
						acks);
			}
			producer.flush();
			acks.check("notification events");
		}
	}

	private static long heapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private record Start(double seconds, double heapMib, long entries) {

	}

}
