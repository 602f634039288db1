package io.keepline.ingest.imports;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.imports.ImportJob;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.csv.CsvImportSummary;
import io.keepline.ingest.csv.ImportTracker;
import io.keepline.ingest.lines.OperatorApiStores;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The CSV import jobs: each import's status written to the import-jobs topic when it
 * starts, every {@code progressRows} rows and when it ends, and read back by any instance
 * from its global store. A status that cannot be written is logged and the import goes
 * on: the rows matter, not their count.
 */
public final class ImportJobs implements ImportTracker {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private static final Duration FINAL_WRITE = Duration.ofSeconds(5);

	private final KafkaTemplate<String, ImportJob> template;

	private final OperatorApiStores stores;

	private final Clock clock;

	private final long progressRows;

	ImportJobs(KafkaTemplate<String, ImportJob> template, OperatorApiStores stores, Clock clock, long progressRows) {
		this.template = template;
		this.stores = stores;
		this.clock = clock;
		this.progressRows = progressRows;
	}

	@Override
	public Tracking start(OperatorId operator) {
		JobTracking tracking = new JobTracking(ImportJob.started(UUID.randomUUID(), operator, this.clock.instant()));
		tracking.write(false);
		return tracking;
	}

	/**
	 * The operator's imports, the latest first; empty while the store is not readable.
	 */
	List<ImportJob> of(OperatorId operator) {
		List<ImportJob> jobs = new ArrayList<>();
		try (KeyValueIterator<String, ImportJob> all = store().all()) {
			while (all.hasNext()) {
				KeyValue<String, ImportJob> next = all.next();
				if (next.value != null && next.value.operator().equals(operator)) {
					jobs.add(next.value);
				}
			}
		}
		jobs.sort(Comparator.comparing(ImportJob::startedAt).reversed());
		return jobs;
	}

	/** One import of the operator's; empty for another operator's. */
	Optional<ImportJob> get(OperatorId operator, UUID id) {
		return Optional.ofNullable(store().get(id.toString())).filter((job) -> job.operator().equals(operator));
	}

	private ReadOnlyKeyValueStore<String, ImportJob> store() {
		return this.stores.store(ImportJobsTopology.STORE);
	}

	/** The status of one running import, as written to the topic. */
	private final class JobTracking implements Tracking {

		private ImportJob job;

		private long written;

		private JobTracking(ImportJob job) {
			this.job = job;
		}

		@Override
		public UUID id() {
			return this.job.id();
		}

		/** Written every so many rows. */
		@Override
		public void progressed(CsvImportSummary summary) {
			this.job = this.job.progressed(summary.rows(), summary.accepted(), summary.rejected());
			if (summary.rows() - this.written >= ImportJobs.this.progressRows) {
				this.written = summary.rows();
				write(false);
			}
		}

		@Override
		public void done(CsvImportSummary summary) {
			this.job = this.job.finished(ImportJobs.this.clock.instant(), summary.rows(), summary.accepted(),
					summary.rejected(), null);
			write(true);
		}

		@Override
		public void failed(CsvImportSummary committed, String reason) {
			long rows = (committed != null) ? committed.rows() : this.job.rowsRead();
			long accepted = (committed != null) ? committed.accepted() : this.job.accepted();
			long rejected = (committed != null) ? committed.rejected() : this.job.rejected();
			this.job = this.job.finished(ImportJobs.this.clock.instant(), rows, accepted, rejected, reason);
			write(true);
		}

		private void write(boolean wait) {
			CompletableFuture<SendResult<String, ImportJob>> sent;
			try {
				sent = ImportJobs.this.template.send(Topics.IMPORT_JOBS.name(), this.job.id().toString(), this.job);
			}
			catch (RuntimeException ex) {
				log.warn("Status of import {} not written: {}", this.job.id(), ex.toString());
				return;
			}
			if (!wait) {
				sent.whenComplete((result, ex) -> {
					if (ex != null) {
						log.warn("Status of import {} not written: {}", this.job.id(), ex.toString());
					}
				});
				return;
			}
			try {
				sent.get(FINAL_WRITE.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				log.warn("Final status of import {} not written: {}", this.job.id(), ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
