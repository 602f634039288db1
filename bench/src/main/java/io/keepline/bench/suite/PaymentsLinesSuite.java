package io.keepline.bench.suite;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.keepline.bench.AcknowledgedSends;
import io.keepline.bench.BenchContext;
import io.keepline.bench.Comparison;
import io.keepline.bench.Figure;
import io.keepline.bench.Lines;
import io.keepline.bench.ProgressLine;
import io.keepline.bench.Suite;
import io.keepline.bench.Waits;
import io.keepline.bench.baseline.BaselineClients;
import io.keepline.bench.service.InProcessService;
import io.keepline.contracts.Money;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.PaymentsApplication;
import io.keepline.payments.view.PaymentsStores;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Memory and restore time of payments' line-record table (a global store, whole on every
 * instance) at N lines: N {@link LineRecord}s are written to {@code keepline.lines.v1},
 * then the payments service starts in-process and restores them. Reported: heap after GC,
 * process RSS (both beside the same process just before, with the broker and the records
 * in it), RocksDB files on disk and the time to RUNNING (readiness), beside a plain
 * consumer reading the same records in the same run.
 */
public final class PaymentsLinesSuite implements Suite {

	private static final double MIB = 1024 * 1024;

	private static final int LOOKUPS = 20_000;

	@Override
	public String name() {
		return "payments-lines";
	}

	@Override
	public List<Comparison> run(BenchContext context) throws Exception {
		BaselineClients.createCatalogueTopics(context.bootstrapServers());
		List<Comparison> comparisons = new ArrayList<>();
		int loaded = 0;
		Lines lines = new Lines();
		for (int count : context.mode().paymentsLines()) {
			load(context, lines, loaded, count);
			loaded = count;
			comparisons.addAll(measure(context, lines, count));
		}
		return comparisons;
	}

	private static List<Comparison> measure(BenchContext context, Lines lines, int count) throws Exception {
		String label = String.format(Locale.ROOT, "%,d lines", count);
		Figure baseline = plainConsumerRead(context, count);
		long heapBefore = heapAfterGc();
		long rssBefore = residentSetBytes();
		Path stateDir = Files.createTempDirectory("keepline-bench-payments-lines");
		String id = "bench-payments-lines-" + UUID.randomUUID();
		Map<String, Object> properties = new HashMap<>();
		properties.put("keepline.payments.mode", "sandbox");
		properties.put("keepline.payments.stripe.webhook-secret", "whsec_bench_0123456789abcdef0123456789");
		properties.put("spring.kafka.streams.state-dir", stateDir.toString());
		properties.put("spring.kafka.streams.application-id", id + "-view");
		properties.put("keepline.payments.group-id", id);
		properties.put("keepline.links.secret", "bench-link-secret-0123456789abcdef0123456789");
		properties.put("keepline.line-keys.data-key", "YmVuY2gtcGF5bWVudHMtZGF0YS1rZXktMDEyMzQ1Njc=");
		long start = System.nanoTime();
		try (InProcessService payments = InProcessService.start(PaymentsApplication.class, context.bootstrapServers(),
				properties)) {
			double contextSeconds = (System.nanoTime() - start) / 1e9;
			StreamsBuilderFactoryBean streams = payments.bean(StreamsBuilderFactoryBean.class);
			Waits.until("payments' line records restored", Duration.ofHours(2), () -> streams.getKafkaStreams() != null
					&& streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
			double restoreSeconds = (System.nanoTime() - start) / 1e9;
			PaymentsStores stores = payments.bean(PaymentsStores.class);
			long lookupStart = System.nanoTime();
			int found = 0;
			for (int i = 0; i < LOOKUPS; i++) {
				found += stores.find(lines.msisdn(ThreadLocalRandom.current().nextInt(count))).isPresent() ? 1 : 0;
			}
			double lookupsPerSecond = LOOKUPS / ((System.nanoTime() - lookupStart) / 1e9);
			if (found != LOOKUPS) {
				throw new IllegalStateException("only " + found + " of " + LOOKUPS + " lines found after restore");
			}
			long heap = heapAfterGc();
			long rss = residentSetBytes();
			double disk = directorySize(stateDir) / MIB;
			List<Figure> memory = new ArrayList<>();
			memory.add(new Figure("heap used after GC before payments started", heapBefore / MIB, "MiB"));
			memory.add(new Figure("heap added by payments with the table", (heap - heapBefore) / MIB, "MiB"));
			if (rss > 0 && rssBefore > 0) {
				memory.add(new Figure("process resident memory (VmRSS, broker included)", rss / MIB, "MiB"));
				memory.add(
						new Figure("resident memory added by payments with the table", (rss - rssBefore) / MIB, "MiB"));
			}
			memory.add(new Figure("state on disk (RocksDB files)", disk, "MiB"));
			memory.add(new Figure("max heap (-Xmx)", Runtime.getRuntime().maxMemory() / MIB, "MiB"));
			List<Comparison> comparisons = new ArrayList<>();
			comparisons.add(new Comparison("payments-lines",
					new Figure("line records restored, start to RUNNING (" + label + ")", restoreSeconds, "s"),
					baseline, null, false, false,
					List.of(new Figure("of which until the Spring context had started", contextSeconds, "s"),
							new Figure("lines restored per second", count / restoreSeconds, "lines/s"),
							new Figure("lookups by msisdn after restore", lookupsPerSecond, "lookups/s"))));
			comparisons.add(new Comparison("payments-lines",
					new Figure("heap used after GC with the table (" + label + ")", heap / MIB, "MiB"), null, null,
					false, false, memory));
			return comparisons;
		}
		finally {
			deleteQuietly(stateDir);
		}
	}

	/**
	 * Writes lines {@code from} to {@code to} as the scheduler would (one JSON template).
	 */
	private static void load(BenchContext context, Lines lines, int from, int to) {
		LineRecord sample = record(lines, 0);
		String template = new String(Topics.LINES.valueSerde().serializer().serialize(null, sample),
				StandardCharsets.UTF_8);
		// a record written twice by a retry is harmless in a compacted table keyed by
		// msisdn
		Map<String, Object> settings = new HashMap<>(BaselineClients.producer(context.bootstrapServers()));
		settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings, new ByteArraySerializer(),
				new ByteArraySerializer());
				ProgressLine progress = context.progress("writing line records", to - from)) {
			AcknowledgedSends acks = new AcknowledgedSends(progress);
			for (int i = from; i < to; i++) {
				String msisdn = lines.msisdn(i).value();
				producer.send(
						new ProducerRecord<>(Topics.LINES.name(), msisdn.getBytes(StandardCharsets.UTF_8),
								template.replace(sample.msisdn().value(), msisdn).getBytes(StandardCharsets.UTF_8)),
						acks);
			}
			producer.flush();
			acks.check("line records");
		}
	}

	/** The baseline: a plain consumer reading every line record from the start. */
	private static Figure plainConsumerRead(BenchContext context, int count) {
		Map<String, Object> properties = BaselineClients.consumer(context.bootstrapServers(),
				"bench-lines-baseline-" + UUID.randomUUID());
		long start = System.nanoTime();
		long read = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
				ProgressLine progress = context.progress("plain consumer reading the records (baseline)", count)) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (PartitionInfo info : consumer.partitionsFor(Topics.LINES.name())) {
				partitions.add(new TopicPartition(info.topic(), info.partition()));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
				read += records.count();
				progress.advance(records.count());
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Figure(String.format(Locale.ROOT, "plain consumer read of %,d records", read), seconds, "s");
	}

	private static LineRecord record(Lines lines, int i) {
		return new LineRecord(lines.msisdn(i), OperatorId.of("orange"), "orange-prepaid-15",
				LocalDate.now().plusDays(30), CycleState.OPEN, Money.of(1500, "EUR"),
				new AutoRenewal(true, true, new SavedMethod("visa", "4242", 12, 2030)),
				Lines.holder(i, ZoneId.of("Europe/Brussels")), Instant.now(), Instant.now());
	}

	private static long heapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** VmRSS from /proc/self/status, or -1 where there is no such file (not Linux). */
	private static long residentSetBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (java.io.IOException | NumberFormatException ex) {
			// not Linux: the figure is left out
		}
		return -1;
	}

	private static long directorySize(Path dir) throws java.io.IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			return paths.filter(Files::isRegularFile).mapToLong((path) -> path.toFile().length()).sum();
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (java.io.IOException ex) {
			// a temporary directory left behind
		}
	}

}
