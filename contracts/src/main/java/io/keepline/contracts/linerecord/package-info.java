/**
 * The line record: each line's current state on {@code keepline.lines.v1}, written by the
 * scheduler and read by every service that needs a line's current truth.
 */
package io.keepline.contracts.linerecord;
