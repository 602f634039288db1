package io.keepline.reliability;

import java.time.Clock;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Makes a service use {@code clock} instead of the system clock it declares, by
 * registering it as the primary {@link Clock} before the context is refreshed.
 */
public final class ClockOverride implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private final Clock clock;

	public ClockOverride(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		((GenericApplicationContext) context).registerBean("acceleratedClock", Clock.class, () -> this.clock,
				(definition) -> definition.setPrimary(true));
	}

}
