package io.keepline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;

/**
 * {@code keepline notices --operator orange [--follow]}: an operator's notices, one line
 * each, read from its notices topic with the operator's own Kafka credentials, outside
 * any consumer group (nothing is committed).
 */
@Command(name = "notices", mixinStandardHelpOptions = true,
		description = "Print an operator's notices (keepline.operator-notices.<operator>.v1), one line each.")
final class NoticesCommand implements Callable<Integer> {

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--operator", paramLabel = "ID", required = true, description = "the operator, e.g. orange")
	String operator;

	@Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
			description = "Kafka brokers (default: ${DEFAULT-VALUE})")
	String bootstrap;

	@Option(names = "--client-config", paramLabel = "FILE",
			description = "Kafka client properties (security.protocol, sasl.mechanism, sasl.jaas.config, ssl.*)")
	Path clientConfig;

	@Option(names = { "-f", "--follow" }, description = "keep printing new notices until Ctrl-C")
	boolean follow;

	private final StopSignal stop = new StopSignal();

	@Override
	public Integer call() {
		OperatorId id;
		try {
			id = OperatorId.of(this.operator);
		}
		catch (InvalidValueException ex) {
			throw new CliException(ExitCodes.BAD_INPUT, "--operator: " + ex.getMessage());
		}
		String topic = Topics.operatorNotices(id).name();
		PrintWriter out = this.spec.commandLine().getOut();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties(), new StringDeserializer(),
				new StringDeserializer())) {
			Thread onCtrlC = new Thread(() -> {
				this.stop.stop();
				consumer.wakeup();
			}, "keepline-notices-stop");
			Runtime.getRuntime().addShutdownHook(onCtrlC);
			try {
				read(consumer, topic, out);
			}
			catch (WakeupException ex) {
				// Ctrl-C
			}
			finally {
				try {
					Runtime.getRuntime().removeShutdownHook(onCtrlC);
				}
				catch (IllegalStateException ex) {
					// shutting down
				}
			}
		}
		catch (KafkaException ex) {
			throw new CliException(ExitCodes.UNAVAILABLE, "Kafka at " + this.bootstrap + ": " + ex.getMessage());
		}
		return ExitCodes.OK;
	}

	/** Stops following (what Ctrl-C does). */
	void stop() {
		this.stop.stop();
	}

	private void read(KafkaConsumer<String, String> consumer, String topic, PrintWriter out) {
		List<PartitionInfo> partitions = consumer.listTopics(METADATA_TIMEOUT).get(topic);
		if (partitions == null) {
			throw new CliException(ExitCodes.NOT_FOUND,
					"No topic " + topic + " on " + this.bootstrap + " (no notices for " + this.operator + " yet?)");
		}
		List<TopicPartition> assigned = partitions.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		consumer.assign(assigned);
		consumer.seekToBeginning(assigned);
		Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, METADATA_TIMEOUT);
		while (!this.stop.requested()) {
			for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
				out.println(Instant.ofEpochMilli(record.timestamp()) + "  " + text(record.value()));
			}
			out.flush();
			if (!this.follow && caughtUp(consumer, ends)) {
				return;
			}
		}
	}

	private static String text(String value) {
		if (value == null) {
			return "(no value)";
		}
		try {
			return JsonLines.oneLine(Http.JSON.readTree(value));
		}
		catch (JacksonException ex) {
			return value;
		}
	}

	private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	private Map<String, Object> properties() {
		Map<String, Object> properties = new HashMap<>();
		if (this.clientConfig != null) {
			Properties file = new Properties();
			try (Reader reader = Files.newBufferedReader(this.clientConfig, StandardCharsets.UTF_8)) {
				file.load(reader);
			}
			catch (IOException ex) {
				throw new CliException(ExitCodes.BAD_INPUT,
						"Cannot read --client-config " + this.clientConfig + ": " + ex.getMessage());
			}
			file.forEach((key, value) -> properties.put((String) key, value));
		}
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "keepline-cli-notices");
		return properties;
	}

}
