/**
 * The deadline rules of design §3 as plain code: a line's state, the planner that turns
 * it into due entries, and the handling of line and payment events. No Kafka, no Spring.
 */
package io.keepline.scheduler.deadline;
