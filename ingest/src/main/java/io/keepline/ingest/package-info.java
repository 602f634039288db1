/**
 * Ingest: the only writer of line-events and rejected-events. Operator items arrive as
 * JSON batches ({@code http}), CSV imports ({@code csv}) or raw records ({@code kafka}),
 * are checked by one {@link io.keepline.ingest.validation.LineEventValidator} and
 * published by {@link io.keepline.ingest.BatchIngestor}.
 *
 * <p>
 * An operator can neither change nor take another operator's lines: the validator looks
 * each line's owner up in {@code ownership}, a Kafka Streams global store derived from
 * line-events (each instance holds all of it, in RocksDB). Until that view has caught up
 * at start-up, batches are refused with 503, readiness says OUT_OF_SERVICE and the
 * Kafka-native path waits. The view is eventually consistent (two operators registering a
 * number within milliseconds may both be accepted); the scheduler, which sees each line's
 * events in order, applies the same rule and ignores the later one.
 *
 * <p>
 * "Accepted" means committed: each batch (an HTTP request, a CSV chunk of
 * {@code keepline.ingest.csv-chunk-rows} rows, or a polled batch of raw records) is
 * written in one Kafka transaction with acks=all and idempotence. When Kafka cannot take
 * it the transaction is aborted, so records that did reach the broker stay invisible to
 * read_committed readers (the scheduler reads that way), and HTTP answers 503 without
 * results. A CSV import that fails mid-way keeps the chunks committed before and says up
 * to which line.
 */
package io.keepline.ingest;
