package io.keepline.reliability.abuse;

import io.keepline.testsupport.RealKafkaExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the abuse scenarios one {@link Services} on the shared test broker, started on
 * first use and stopped when the test run ends, so that the scenarios that attack it
 * share one start-up.
 */
public final class AbuseServices implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AbuseServices.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Services.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Services.class, (key) -> Services.start(RealKafkaExtension.cluster(context)),
					Services.class);
	}

}
