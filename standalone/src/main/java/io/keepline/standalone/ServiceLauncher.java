package io.keepline.standalone;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one Keepline application in its own Spring context. All four services ship an
 * {@code application.yml} at the root of their jar, so the launcher points each context
 * at the file in that application's own jar and passes the standalone's settings as
 * command-line properties, which win over the file. Public so that tests running several
 * services in one JVM (the reliability suite) start them exactly as the standalone does.
 */
public final class ServiceLauncher {

	private ServiceLauncher() {
	}

	/**
	 * Starts {@code application} with {@code properties} (which win over its own
	 * {@code application.yml}).
	 * @param initializer an extra initializer, or null
	 * @return the running context
	 */
	public static ConfigurableApplicationContext start(Class<?> application, Map<String, String> properties,
			ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
		List<String> args = new ArrayList<>();
		args.add("--spring.config.location=" + ownConfig(application));
		args.add("--spring.main.banner-mode=off");
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(application).bannerMode(Banner.Mode.OFF)
			.registerShutdownHook(false)
			.listeners(LoggingStartLock.listeners());
		if (initializer != null) {
			builder.initializers(initializer);
		}
		return builder.run(args.toArray(String[]::new));
	}

	/**
	 * The {@code application.yml} next to {@code application}'s class, in its jar or
	 * classes directory, or no file at all ({@code optional:}) if it has none.
	 */
	static String ownConfig(Class<?> application) {
		String classFile = application.getName().replace('.', '/') + ".class";
		URL classUrl = application.getClassLoader().getResource(classFile);
		if (classUrl == null) {
			throw new IllegalStateException("cannot locate " + classFile);
		}
		String url = classUrl.toString();
		return "optional:" + url.substring(0, url.length() - classFile.length()) + "application.yml";
	}

}
