package io.keepline.bench.suite;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.NotifierApplication;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Emails per second through the notifier — {@code ReminderDue} on deadline-events to a
 * rendered, localized email accepted by a local SMTP sink (GreenMail) — beside a plain
 * JavaMail loop sending similar messages to the same sink.
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
		GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try {
			Figure baseline;
			try (ProgressLine progress = context.progress("plain JavaMail loop (baseline)", count)) {
				baseline = JavaMailSendRate.measure("127.0.0.1", smtp.getSmtp().getPort(), count, progress);
			}
			Map<String, Object> properties = new HashMap<>();
			properties.put("spring.mail.host", "127.0.0.1");
			properties.put("spring.mail.port", smtp.getSmtp().getPort());
			properties.put("keepline.links.secret", "bench-link-secret-0123456789abcdef0123456789");
			properties.put("keepline.links.base-url", "http://localhost:8084");
			properties.put("keepline.notifier.webhook-secrets", "orange=b1:bench-webhook-secret-0123456789abcdef");
			properties.put("keepline.notifier.group-id", "bench-notifier-" + UUID.randomUUID());
			try (InProcessService notifier = InProcessService.start(NotifierApplication.class,
					context.bootstrapServers(), properties);
					KafkaProducer<Msisdn, DeadlineEvent> producer = new KafkaProducer<>(
							BaselineClients.producer(context.bootstrapServers()),
							Topics.DEADLINE_EVENTS.keySerde().serializer(),
							Topics.DEADLINE_EVENTS.valueSerde().serializer())) {
				Lines lines = new Lines();
				LongSupplier all = receivedCount(smtp);
				long before = all.getAsLong();
				LongSupplier received = () -> all.getAsLong() - before;
				send(producer, lines, 0, WARM_UP);
				Waits.count("warm-up emails through the notifier", WARM_UP, Duration.ofSeconds(90), received,
						new ProgressLine("warm-up", WARM_UP, context.out(), false));
				long start = System.nanoTime();
				send(producer, lines, WARM_UP, WARM_UP + count);
				long done;
				try (ProgressLine progress = context.progress("emails through the notifier", count)) {
					done = Waits.count("emails through the notifier", count, Duration.ofSeconds(60),
							() -> received.getAsLong() - WARM_UP, progress);
				}
				Figure subject = new Figure("emails sent through the notifier", count / ((done - start) / 1e9),
						"emails/s");
				return List.of(new Comparison(name(), subject, baseline, 1_000.0, false, true, List.of()));
			}
		}
		finally {
			smtp.stop();
		}
	}

	private static void send(KafkaProducer<Msisdn, DeadlineEvent> producer, Lines lines, int from, int to) {
		AtomicReference<Exception> failure = new AtomicReference<>();
		LocalDate validUntil = LocalDate.now().plusDays(7);
		Instant now = Instant.now();
		for (int i = from; i < to; i++) {
			Msisdn msisdn = lines.msisdn(i);
			ReminderDue reminder = new ReminderDue(UUID.randomUUID(), now, msisdn, Lines.OPERATOR, validUntil, 7, now,
					ReminderTrigger.SCHEDULED, Lines.holder(i, ZoneId.of("Europe/Brussels")), Money.of(1500, "EUR"),
					null, null);
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

	/** Messages GreenMail has received, counted at most four times a second. */
	private static LongSupplier receivedCount(GreenMail smtp) {
		long[] cache = { 0, 0 };
		return () -> {
			long now = System.nanoTime();
			if (now - cache[1] > 250_000_000L) {
				cache[0] = smtp.getReceivedMessages().length;
				cache[1] = now;
			}
			return cache[0];
		};
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
