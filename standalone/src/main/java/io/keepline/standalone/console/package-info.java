/**
 * The console on 127.0.0.1:8080, behind its token: each line's state from its line
 * record, its timeline from every catalogue topic (read read_committed from the beginning
 * on each start, bounded, forgotten on the line's tombstone), its next deadlines from the
 * scheduler's read API, the local outbox, holder links, and the stand-ins the standalone
 * plays (a Twilio-compatible SMS API, holders' webhook endpoints, the operators applying
 * confirmed renewals).
 */
package io.keepline.standalone.console;
