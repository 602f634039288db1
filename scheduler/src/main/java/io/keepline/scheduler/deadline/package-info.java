/**
 * The deadline rules of design §3 as plain code: a line's state, the planner that turns
 * it into due entries, the handling of line and payment events, and the line record a
 * state maps to. No Kafka, no Spring.
 */
package io.keepline.scheduler.deadline;
