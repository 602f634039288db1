package io.keepline.contracts;

/**
 * Thrown by the last branch of a dispatch over a sealed type when it meets a type it has
 * no branch for: Java 17 has no exhaustive {@code switch} over sealed types, so every
 * {@code instanceof} chain ends here instead of in a silent default, and a test per
 * dispatcher (see the contracts test-jar's {@code EventSamples}) proves that no permitted
 * type reaches it.
 */
public final class UnhandledTypeException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final transient Class<?> type;

	public UnhandledTypeException(Object value) {
		super("no branch for " + value.getClass().getName());
		this.type = value.getClass();
	}

	/** The type no branch handled. */
	public Class<?> type() {
		return this.type;
	}

}
