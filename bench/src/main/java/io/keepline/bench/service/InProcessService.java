package io.keepline.bench.service;

import java.util.LinkedHashMap;
import java.util.Map;

import io.keepline.standalone.ServiceLauncher;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Keepline service started in this JVM with its own Spring context on a random port,
 * against the benchmark's broker, quiet (warnings only) so the progress display stays
 * readable. Started as the standalone starts it, so that each service reads its own
 * {@code application.yml} (on this classpath every service jar has one at its root).
 */
public final class InProcessService implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private InProcessService(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts {@code application} with {@code properties} on top of its own settings. */
	public static InProcessService start(Class<?> application, String bootstrapServers,
			Map<String, Object> properties) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("server.port", "0");
		all.put("management.server.port", "0");
		all.put("spring.kafka.bootstrap-servers", bootstrapServers);
		all.put("spring.main.log-startup-info", "false");
		all.put("logging.level.root", "WARN");
		all.put("logging.level.io.keepline", "WARN");
		properties.forEach((name, value) -> all.put(name, String.valueOf(value)));
		return new InProcessService(ServiceLauncher.start(application, all, null));
	}

	/** The port the service's web server listens on. */
	public int port() {
		return Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
