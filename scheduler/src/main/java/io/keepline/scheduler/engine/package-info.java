/**
 * The Kafka Streams engine: the topology (public, for benchmarks), the processor that
 * applies the rules and publishes line records, the time-ordered due index scanned by a
 * wall-clock punctuator, and the one-off backfill of line records.
 */
package io.keepline.scheduler.engine;
