package io.keepline.bench.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The scheduler instances a run measures: in the bench's JVM ({@link Engine}) or each in
 * a JVM of its own ({@link SchedulerJvms}).
 */
interface SchedulerUnderTest extends AutoCloseable {

	/** Starts the instances; returns the nano time they were started at. */
	long start() throws Exception;

	/** Waits until every instance is RUNNING; returns the nano time they got there. */
	long awaitRunning(Duration timeout) throws Exception;

	/** Moves the instances' clocks to {@code instant} (time goes on from there). */
	void jumpTo(Instant instant) throws Exception;

	/**
	 * How many deadline events each instance has emitted so far, instance by instance.
	 */
	List<Long> emittedByInstance() throws Exception;

	/** Records the instances' producers have sent so far (changelogs and outputs). */
	double recordsSent() throws Exception;

	/** The sum of a RocksDB metric over every store of every instance, in bytes. */
	double rocksDb(String metric) throws Exception;

	/** A RocksDB metric every store reports for the one cache they share, in bytes. */
	double rocksDbShared(String metric) throws Exception;

	/**
	 * CPU time the instances' own processes have used so far, beyond the bench's JVM (0
	 * when they run inside it).
	 */
	long otherProcessesCpuNanos() throws Exception;

	@Override
	void close() throws Exception;

}
