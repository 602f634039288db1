package io.keepline.reliability;

/**
 * The size a scenario runs at: {@code quick} in the default build, {@code full} (the
 * sizes of issue #7) with {@code -Preliability-full}. Both run the same code.
 */
public enum Scale {

	/** Small sizes that keep {@code ./mvnw verify} short. */
	QUICK,

	/** The sizes the reliability promise is stated at. */
	FULL;

	/**
	 * The scale chosen by the system property {@code keepline.reliability.scale}.
	 * @return the current scale, {@link #QUICK} unless told otherwise
	 */
	public static Scale current() {
		return "full".equalsIgnoreCase(System.getProperty("keepline.reliability.scale", "quick")) ? FULL : QUICK;
	}

	/**
	 * Picks the value for this scale.
	 * @param quick the value in the default build
	 * @param full the value in the full run
	 * @return one of them
	 */
	public int pick(int quick, int full) {
		return (this == FULL) ? full : quick;
	}

}
