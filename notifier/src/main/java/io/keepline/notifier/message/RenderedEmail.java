package io.keepline.notifier.message;

/**
 * An email ready to send: subject, HTML part and plain-text part.
 */
public record RenderedEmail(String subject, String html, String text) {

}
