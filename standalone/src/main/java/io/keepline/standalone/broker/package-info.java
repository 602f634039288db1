/**
 * A real Apache Kafka broker (KRaft combined mode, broker and controller in one node) run
 * in-process from the Maven artifacts, for the standalone mode and for tests.
 */
package io.keepline.standalone.broker;
