/**
 * The status of operators' CSV imports: written by the instance running an import to a
 * small compacted topic, read back by every instance from a global store, and served by
 * {@code GET /v1/imports}.
 */
package io.keepline.ingest.imports;
