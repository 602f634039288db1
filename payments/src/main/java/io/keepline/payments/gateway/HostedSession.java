package io.keepline.payments.gateway;

/**
 * A Checkout Session the holder is sent to.
 */
public record HostedSession(String id, String url) {

}
