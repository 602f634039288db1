package io.keepline.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.keepline.standalone.seed.SeedSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.util.FileSystemUtils;

/**
 * Gives tests a {@link Pipeline} running the whole of Keepline on free ports with the
 * bundled seeds loaded, started once per test JVM (it takes a while) and stopped at the
 * end of the run. Tests isolate themselves by unique numbers.
 */
public class RunningPipeline implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Pipeline.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.create(RunningPipeline.class))
			.computeIfAbsent("pipeline", (key) -> new Shared(start()), Shared.class)
			.pipeline();
	}

	private static Pipeline start() {
		// As in the standalone's main: one logging configuration for all contexts.
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		try {
			Path dataDir = Files.createTempDirectory("keepline-standalone-test");
			StandaloneSettings.Ports ports = new StandaloneSettings.Ports(FreePorts.find(), FreePorts.find(),
					FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
					new StandaloneSettings.Management(FreePorts.find(), FreePorts.find(), FreePorts.find(),
							FreePorts.find()));
			StandaloneSettings settings = new StandaloneSettings(dataDir, false, ports, SeedSource.bundled(),
					StandaloneSettings.Secrets.demo(), null, null);
			return new Pipeline(settings).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Closes the pipeline when the test run ends and removes its data. */
	record Shared(Pipeline pipeline) implements AutoCloseable {

		@Override
		public void close() {
			this.pipeline.close();
			FileSystemUtils.deleteRecursively(this.pipeline.settings().dataDir().toFile());
		}

	}

}
