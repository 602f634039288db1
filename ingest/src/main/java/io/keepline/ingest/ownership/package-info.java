/**
 * Ingest's view of who owns each line: a global Kafka Streams store fed from line-events
 * through {@link io.keepline.contracts.line.LineOwnership}, started in the background,
 * with its health and readiness.
 */
package io.keepline.ingest.ownership;
