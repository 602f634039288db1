/**
 * The demo seeds ({@code seeds/*.yml}) and their loader, which registers the demo lines
 * through ingest's HTTP API as operator integrations do, once per data directory.
 */
package io.keepline.standalone.seed;
