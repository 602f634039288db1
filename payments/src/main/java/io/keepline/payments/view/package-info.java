/**
 * Payments' Kafka Streams application: global stores of the scheduler's line records and
 * of payments' own payment history, read back on any instance.
 */
package io.keepline.payments.view;
