/**
 * The Kafka Streams application that keeps what payments knows of each line
 * ({@link io.keepline.payments.line.LinePayments}) from deadline-events and the
 * payment-events payments published, and reads it back from this instance's store.
 */
package io.keepline.payments.view;
