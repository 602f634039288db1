package io.keepline.bench;

import java.util.List;

/**
 * A figure of Keepline beside the baseline measured in the same run on the same broker,
 * their ratio, and the target the issue states ({@code target} is in the subject's unit,
 * or a ratio when {@code targetIsRatio}). Extra figures (percentiles, memory) ride along
 * in {@code details}.
 */
public record Comparison(String suite, Figure subject, Figure baseline, Double target, boolean targetIsRatio,
		boolean higherIsBetter, List<Figure> details) {

	public Comparison {
		details = List.copyOf(details);
	}

	/** Subject divided by baseline, or null without a baseline. */
	public Double ratio() {
		return (this.baseline != null && this.baseline.value() != 0) ? this.subject.value() / this.baseline.value()
				: null;
	}

	/** Whether the target is met, or null without a target. */
	public Boolean targetMet() {
		if (this.target == null) {
			return null;
		}
		Double measured = this.targetIsRatio ? ratio() : Double.valueOf(this.subject.value());
		if (measured == null) {
			return null;
		}
		return this.higherIsBetter ? measured >= this.target : measured <= this.target;
	}

}
