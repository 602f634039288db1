/**
 * The Kafka Streams engine: the topology (public, for benchmarks), the processor that
 * applies the rules, and the time-ordered due index scanned by a wall-clock punctuator.
 */
package io.keepline.scheduler.engine;
