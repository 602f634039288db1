/**
 * The standalone mode: the whole Keepline pipeline in one JVM. {@link KeeplineStandalone}
 * parses the flags, {@link Pipeline} starts the embedded broker, the local SMTP outbox,
 * the four services (each in its own Spring context, configured by
 * {@link ServiceProperties}) and the console, then loads the seeds.
 */
package io.keepline.standalone;
