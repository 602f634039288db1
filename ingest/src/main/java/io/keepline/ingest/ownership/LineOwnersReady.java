package io.keepline.ingest.ownership;

/**
 * The view of line owners has caught up with line-events: ingest may accept events.
 *
 * @param lines about how many lines have an owner
 */
public record LineOwnersReady(long lines) {

}
