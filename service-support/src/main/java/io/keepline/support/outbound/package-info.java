/**
 * Outbound HTTP: one guarded client for addresses that come from data (https only, public
 * addresses only, checked and pinned for the connection) and a trusted one for addresses
 * from configuration; both with an overall deadline, a response-size cap, no redirects
 * and a limit of calls in flight per host.
 */
package io.keepline.support.outbound;
