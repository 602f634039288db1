/**
 * Ingest's operator API over lines: each operator's lines listed and searched from the
 * line records, one line's timeline across topics, and the resend of its current reminder
 * as a line event. Its stores are global stores of ingest's Streams application.
 */
package io.keepline.ingest.lines;
