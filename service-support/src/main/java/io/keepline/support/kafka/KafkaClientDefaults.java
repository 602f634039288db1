package io.keepline.support.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds Keepline's client policy ({@code keepline-defaults.properties}: acks=all and
 * idempotence for producers, read_committed and manual commits from the earliest offset
 * for consumers, Streams members that leave their group on close, RFC 9457 error answers)
 * as the last property source, so that every service's {@code application.yml}, the
 * environment and the command line still override any of it.
 */
public final class KafkaClientDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "keepline-defaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(SOURCE)) {
			return;
		}
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource(SOURCE, new ClassPathResource("keepline-defaults.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read keepline-defaults.properties", ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
