package io.keepline.support.startup;

import java.util.Map;

/**
 * What a service says about itself once it is ready (a bean of this type): where it
 * listens for what, where it delivers, what it waits for. The facts are printed on one
 * start-up line and served on {@code /actuator/info}; they must hold no secret and no
 * personal data.
 */
@FunctionalInterface
public interface StartupFacts {

	/** Adds this service's facts, in the order they should read. */
	void describe(Map<String, Object> facts);

}
