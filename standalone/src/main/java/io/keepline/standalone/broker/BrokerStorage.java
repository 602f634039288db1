package io.keepline.standalone.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.DynamicVoters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's data directory: formatted once, as {@code kafka-storage.sh format
 * --standalone} does, then reused with the cluster id recorded in its
 * {@code meta.properties}.
 */
final class BrokerStorage {

	private static final Logger log = LoggerFactory.getLogger(BrokerStorage.class);

	private final BrokerSettings settings;

	BrokerStorage(BrokerSettings settings) {
		this.settings = settings;
	}

	/** Formats the data directory unless it already is, and returns the cluster id. */
	String prepare() {
		String dir = this.settings.dataDir().toString();
		MetaPropertiesEnsemble ensemble = load(dir);
		if (ensemble.logDirProps().isEmpty()) {
			return format(dir);
		}
		try {
			ensemble.verify(Optional.empty(), OptionalInt.of(BrokerProperties.NODE_ID),
					EnumSet.of(MetaPropertiesEnsemble.VerificationFlag.REQUIRE_METADATA_LOG_DIR));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Kafka data directory " + dir + " cannot be reused: " + ex.getMessage(),
					ex);
		}
		return ensemble.clusterId()
			.orElseThrow(() -> new IllegalStateException("Kafka data directory " + dir + " has no cluster id"));
	}

	private String format(String dir) {
		String clusterId = Uuid.randomUuid().toString();
		String voter = BrokerProperties.NODE_ID + "@" + BrokerSettings.HOST + ":" + this.settings.controllerPort() + ":"
				+ Uuid.randomUuid();
		Formatter formatter = new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setNodeId(BrokerProperties.NODE_ID)
			.setClusterId(clusterId)
			.setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
			.setMetadataLogDirectory(dir)
			.setDirectories(List.of(dir))
			.setHasDynamicQuorum(true)
			.setInitialControllers(DynamicVoters.parse(voter));
		try {
			Files.createDirectories(this.settings.dataDir());
			formatter.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format Kafka data directory " + dir + ": " + ex.getMessage(),
					ex);
		}
		log.info("Formatted new Kafka storage in {} (cluster id {})", dir, clusterId);
		return clusterId;
	}

	private static MetaPropertiesEnsemble load(String dir) {
		try {
			return new MetaPropertiesEnsemble.Loader().addLogDirs(List.of(dir)).addMetadataLogDir(dir).load();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read Kafka data directory " + dir, ex);
		}
	}

}
