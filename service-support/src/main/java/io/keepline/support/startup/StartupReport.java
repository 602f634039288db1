package io.keepline.support.startup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Says once, when a service is ready, what it is and how it runs: its name, port and
 * Kafka, then the facts it contributes ({@link StartupFacts}); the same facts are served
 * under {@code keepline} on {@code /actuator/info}.
 */
public final class StartupReport implements ApplicationListener<ApplicationReadyEvent>, InfoContributor {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final Environment environment;

	private final List<StartupFacts> contributors;

	public StartupReport(Environment environment, List<StartupFacts> contributors) {
		this.environment = environment;
		this.contributors = contributors;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Map<String, Object> facts = facts();
		log.info("{} ready on port {}: {}", this.environment.getProperty("spring.application.name", "Keepline"), port(),
				facts.entrySet()
					.stream()
					.map((fact) -> fact.getKey() + " " + fact.getValue())
					.collect(Collectors.joining("; ")));
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("keepline", facts());
	}

	/** The facts, Kafka's address first. */
	Map<String, Object> facts() {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("kafka", this.environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"));
		this.contributors.forEach((contributor) -> contributor.describe(facts));
		return facts;
	}

	private String port() {
		return this.environment.getProperty("local.server.port", this.environment.getProperty("server.port", "8080"));
	}

}
