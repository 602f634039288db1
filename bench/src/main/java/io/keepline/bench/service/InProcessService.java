package io.keepline.bench.service;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Keepline service started in this JVM with its own Spring context on a random port,
 * against the benchmark's broker, quiet (warnings only) so the progress display stays
 * readable.
 */
public final class InProcessService implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private InProcessService(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts {@code application} with {@code properties} on top of its own settings. */
	public static InProcessService start(Class<?> application, String bootstrapServers,
			Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>();
		all.put("server.port", "0");
		all.put("spring.kafka.bootstrap-servers", bootstrapServers);
		all.put("logging.level.root", "WARN");
		all.put("logging.level.io.keepline", "WARN");
		all.putAll(properties);
		// as command-line arguments, so that they win over the service's application.yml
		String[] args = all.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(args);
		return new InProcessService(context);
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
