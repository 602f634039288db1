package io.keepline.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.IngestApplication;
import io.keepline.notifier.NotifierApplication;
import io.keepline.payments.PaymentsApplication;
import io.keepline.scheduler.SchedulerApplication;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks docker-compose.yml without Docker: the services it runs, their images and ports,
 * and that every environment variable it sets is one the service really reads.
 */
class DockerComposeTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

	private static final Map<String, Class<?>> APPLICATIONS = Map.of("ingest", IngestApplication.class, "scheduler",
			SchedulerApplication.class, "notifier", NotifierApplication.class, "payments", PaymentsApplication.class);

	/** Spring's SMTP settings, read by the notifier's mail sender (design.md §2). */
	private static final Set<String> SPRING_MAIL = Set.of("SPRING_MAIL_HOST", "SPRING_MAIL_PORT",
			"SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD");

	private final Map<String, Map<String, Object>> services = services();

	@Test
	void runsKafkaInKraftModeWithSingleReplicaInternalTopics() {
		Map<String, Object> kafka = this.services.get("kafka");
		assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
		assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
			.containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
			.containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
		assertThat(ports("kafka")).contains("9092:9092");
	}

	/**
	 * The operators compose runs with, each with its own raw topic and Kafka principal.
	 */
	private static final List<OperatorId> DEMO_OPERATORS = List.of(OperatorId.of("orange"), OperatorId.of("proximus"),
			OperatorId.of("base"));

	@Test
	void createsExactlyTheCatalogueTopicsAndTheDemoOperatorsRawTopicsWithTheirRetentionAndCleanupPolicy() {
		String script = String.valueOf(this.services.get("kafka-topics").get("command"));
		Matcher created = Pattern.compile("create (keepline\\.[a-z.-]+\\.v\\d+) (-?\\d+)(?: ([a-z,]+))?\\n")
			.matcher(script);
		Map<String, Map<String, String>> topics = new HashMap<>();
		while (created.find()) {
			topics.put(created.group(1), Map.of(TopicConfig.RETENTION_MS_CONFIG, created.group(2),
					TopicConfig.CLEANUP_POLICY_CONFIG, (created.group(3) != null) ? created.group(3) : "delete"));
		}
		List<Topic<?, ?>> expected = new ArrayList<>(Topics.all());
		expected.addAll(Topics.operatorEventsRaw(DEMO_OPERATORS));
		assertThat(topics).containsOnlyKeys(expected.stream().map(Topic::name).toList());
		assertThat(expected)
			.allSatisfy((topic) -> assertThat(topics.get(topic.name())).as(topic.name()).isEqualTo(topic.configs()));
	}

	@Test
	void publishesKafkaOnlyBehindSaslAndAclsAndGivesNoSecretADefault() throws IOException {
		Map<String, String> kafka = environment("kafka");
		assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains("EXTERNAL:SASL_PLAINTEXT")
			.doesNotContain("EXTERNAL:PLAINTEXT");
		assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("EXTERNAL://localhost:9092");
		assertThat(kafka)
			.containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
		String compose = Files.readString(Path.of("..", "docker-compose.yml"));
		Matcher defaulted = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:?-").matcher(compose);
		assertThat(defaulted.find()).as("a ${VAR:-default} in docker-compose.yml").isFalse();
		for (String secret : List.of("KEEPLINE_OPERATOR_KEYS", "KEEPLINE_LINK_SECRET", "KEEPLINE_WEBHOOK_SECRETS",
				"STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET")) {
			assertThat(compose).contains("${" + secret + ":?");
		}
		assertThat(compose).doesNotContain("demo-orange-key", "whsec_demo", "demo-link-secret");
	}

	@Test
	void runsTheFourServicesOnTheirPortsWithTwoSchedulersMailpitAndStripeMock() {
		assertThat(this.services).containsKeys("ingest", "scheduler", "scheduler-2", "notifier", "payments", "mailpit",
				"stripe-mock");
		Map<String, String> expectedPorts = Map.of("ingest", "8081", "scheduler", "8082", "notifier", "8083",
				"payments", "8084");
		expectedPorts.forEach((service, port) -> {
			assertThat(this.services.get(service).get("image")).isEqualTo("keepline/" + service + ":0.1.0");
			assertThat(ports(service)).contains(port + ":" + port);
		});
		assertThat(this.services.get("scheduler-2").get("image")).isEqualTo("keepline/scheduler:0.1.0");
		assertThat((String) this.services.get("mailpit").get("image")).startsWith("axllent/mailpit:");
		assertThat((String) this.services.get("stripe-mock").get("image")).startsWith("stripe/stripe-mock:");
		assertThat(environment("notifier")).containsEntry("SPRING_MAIL_HOST", "mailpit");
		assertThat(environment("payments")).containsEntry("STRIPE_API_BASE", "http://stripe-mock:12111");
	}

	@Test
	void setsOnlyEnvironmentVariablesTheServicesRead() throws Exception {
		for (String service : List.of("ingest", "scheduler", "scheduler-2", "notifier", "payments")) {
			String application = service.replace("-2", "");
			Set<String> read = readBy(application);
			assertThat(environment(service).keySet()).as("environment of %s", service).allSatisfy((name) -> {
				assertThat(read).as("%s reads %s", application, name).contains(name);
			});
		}
	}

	/** Placeholders and relaxed-binding names of the service's application.yml. */
	private static Set<String> readBy(String service) throws Exception {
		String yaml = ServiceLauncherTest.config(APPLICATIONS.get(service));
		Set<String> names = new HashSet<>();
		Matcher placeholder = PLACEHOLDER.matcher(yaml);
		while (placeholder.find()) {
			names.add(placeholder.group(1));
		}
		flatten("", new Yaml().load(yaml), names);
		if (service.equals("notifier")) {
			names.addAll(SPRING_MAIL);
		}
		return names;
	}

	private static void flatten(String prefix, Object node, Set<String> names) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, names));
		}
		else {
			names.add(prefix.replace('.', '_').replace("-", "").toUpperCase());
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() {
		try {
			Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("..", "docker-compose.yml")));
			return (Map<String, Map<String, Object>>) compose.get("services");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> environment(String service) {
		Map<String, Object> environment = (Map<String, Object>) this.services.get(service).get("environment");
		Map<String, String> values = new LinkedHashMap<>();
		environment.forEach((name, value) -> values.put(name, String.valueOf(value)));
		return values;
	}

	@SuppressWarnings("unchecked")
	private List<String> ports(String service) {
		return ((List<Object>) this.services.get(service).get("ports")).stream().map(String::valueOf).toList();
	}

}
