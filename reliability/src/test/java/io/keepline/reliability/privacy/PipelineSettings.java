package io.keepline.reliability.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.keepline.standalone.FreePorts;
import io.keepline.standalone.StandaloneSettings;
import io.keepline.standalone.seed.SeedSource;

/**
 * The standalone pipeline the privacy scenarios run: its bundled seeds, demo secrets,
 * every port free, data under {@code dataDir}.
 */
final class PipelineSettings {

	private PipelineSettings() {
	}

	static StandaloneSettings under(Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		StandaloneSettings.Ports ports = new StandaloneSettings.Ports(FreePorts.find(), FreePorts.find(),
				FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
				new StandaloneSettings.Management(FreePorts.find(), FreePorts.find(), FreePorts.find(),
						FreePorts.find()));
		return new StandaloneSettings(dataDir, false, ports, SeedSource.bundled(), StandaloneSettings.Secrets.demo(),
				null, null);
	}

}
