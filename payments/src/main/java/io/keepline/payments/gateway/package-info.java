/**
 * The narrow interface payments owns in front of Stripe, implemented by the stripe-java
 * adapter and by the offline sandbox.
 */
package io.keepline.payments.gateway;
