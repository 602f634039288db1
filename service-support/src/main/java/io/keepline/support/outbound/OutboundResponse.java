package io.keepline.support.outbound;

/**
 * The status and body (at most the response-size cap) of an answered call.
 */
public record OutboundResponse(int status, byte[] body) {

}
