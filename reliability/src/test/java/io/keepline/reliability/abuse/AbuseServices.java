package io.keepline.reliability.abuse;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.keepline.testsupport.RealKafkaExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the abuse scenarios one {@link Services} on the shared test broker, started on
 * first use and stopped once every scenario that uses it has run (or when the test run
 * ends), so that they share one start-up and later scenarios do not share the machine
 * with idle services.
 */
public final class AbuseServices implements ParameterResolver, AfterAllCallback {

	/** The scenarios that use the services. */
	private static final Set<Class<?>> USERS = Set.of(BadInputTest.class, LinkAbuseTest.class);

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

	@Override
	@SuppressWarnings("unchecked")
	public void afterAll(ExtensionContext context) {
		ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
		Set<Class<?>> finished = store.computeIfAbsent("finished", (key) -> ConcurrentHashMap.newKeySet(), Set.class);
		finished.add(context.getRequiredTestClass());
		// a user runs as itself or as a nested subclass (AbuseScenariosTest)
		if (USERS.stream().allMatch((user) -> finished.stream().anyMatch(user::isAssignableFrom))) {
			Services services = store.remove(Services.class, Services.class);
			if (services != null) {
				services.close();
			}
		}
	}

}
