/**
 * Keepline's public contract: the events on each topic, their value objects, the topic
 * catalogue and signed links. Plain Java with no Spring, so that every service and every
 * operator integration can depend on it.
 */
package io.keepline.contracts;
