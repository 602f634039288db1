package io.keepline.standalone.broker;

/**
 * Thrown when a port the broker needs is already taken; its message is meant to be shown
 * to the user as is, without a stack trace.
 */
public class PortInUseException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final int port;

	PortInUseException(int port, String message) {
		super(message);
		this.port = port;
	}

	/** The port that was taken. */
	public int port() {
		return this.port;
	}

}
