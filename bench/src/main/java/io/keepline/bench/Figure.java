package io.keepline.bench;

/**
 * One measured number with its unit, such as 48,000 events/s.
 */
public record Figure(String name, double value, String unit) {

}
