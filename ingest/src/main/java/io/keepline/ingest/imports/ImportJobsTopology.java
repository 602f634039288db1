package io.keepline.ingest.imports;

import io.keepline.contracts.imports.ImportJob;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The import jobs as a global table on every ingest instance: small (one record per
 * import, kept 30 days), so that any instance answers for an import another ran.
 */
public final class ImportJobsTopology {

	/** The import jobs by id. */
	public static final String STORE = "ingest-import-jobs";

	private ImportJobsTopology() {
	}

	public static void define(StreamsBuilder builder) {
		builder.globalTable(Topics.IMPORT_JOBS.name(),
				Consumed.with(Topics.IMPORT_JOBS.keySerde(), Topics.IMPORT_JOBS.valueSerde()),
				Materialized.<String, ImportJob, KeyValueStore<Bytes, byte[]>>as(STORE)
					.withKeySerde(Topics.IMPORT_JOBS.keySerde())
					.withValueSerde(Topics.IMPORT_JOBS.valueSerde()));
	}

}
