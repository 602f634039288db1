/**
 * Test support shared by every module: a real Kafka broker per test JVM
 * ({@link io.keepline.testsupport.RealKafka}), probes that read topics with
 * read_committed, and unique names and numbers for isolation.
 */
package io.keepline.testsupport;
