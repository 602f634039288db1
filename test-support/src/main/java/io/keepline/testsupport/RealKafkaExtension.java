package io.keepline.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts (once per test JVM) or finds the shared broker and publishes its address to the
 * test. It lives as long as the launcher session, so that a JVM that runs its classes one
 * by one (surefire with several forks) still starts one broker, not one per class.
 */
public final class RealKafkaExtension implements BeforeAllCallback, ParameterResolver {

	/** The Spring property services read the broker address from. */
	public static final String BOOTSTRAP_PROPERTY = "spring.kafka.bootstrap-servers";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RealKafkaExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		KafkaCluster cluster = cluster(context);
		System.setProperty(BOOTSTRAP_PROPERTY, cluster.bootstrapServers());
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == KafkaCluster.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return cluster(context);
	}

	/**
	 * The shared broker of the test run, started on first use: for extensions that run
	 * services on it.
	 * @param context any extension context of the run
	 * @return the broker
	 */
	public static KafkaCluster cluster(ExtensionContext context) {
		return context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE)
			.computeIfAbsent(KafkaCluster.class, (key) -> KafkaClusters.start(), KafkaCluster.class);
	}

}
