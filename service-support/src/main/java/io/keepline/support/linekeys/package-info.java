/**
 * The deployment's data key and the key topic of the services that seal (ingest) or open
 * and shred (scheduler) holder contacts on line-events.
 */
package io.keepline.support.linekeys;
