/**
 * The console on :8080: a bounded in-memory view of every catalogue topic (read
 * read_committed from the beginning on each start), the local outbox, holder links, and
 * the stand-ins the standalone plays (a Twilio-compatible SMS API, holders' webhook
 * endpoints, the operators applying confirmed renewals).
 */
package io.keepline.standalone.console;
