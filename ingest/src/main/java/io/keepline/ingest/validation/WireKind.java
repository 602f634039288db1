package io.keepline.ingest.validation;

/**
 * The JSON shape of a scalar field of the wire format, for inputs that are not JSON (a
 * CSV cell becomes a JSON value of its field's kind).
 */
public enum WireKind {

	TEXT, INTEGER, BOOLEAN, INTEGER_LIST

}
