package io.keepline.bench.micro;

import java.util.ArrayList;
import java.util.List;

import io.keepline.bench.BenchContext;
import io.keepline.bench.Comparison;
import io.keepline.bench.Figure;
import io.keepline.bench.Suite;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH micro-benchmarks of the hot paths (event JSON, link and webhook signatures). Quick
 * mode runs them in-process with short iterations; full mode forks a JVM and measures
 * properly.
 */
public final class MicroSuite implements Suite {

	@Override
	public String name() {
		return "micro";
	}

	@Override
	public List<Comparison> run(BenchContext context) throws Exception {
		boolean full = context.mode().full();
		boolean smoke = context.mode().smoke();
		ChainedOptionsBuilder options = new OptionsBuilder().include("io\\.keepline\\..*Benchmark\\..*")
			// full: two forks, 5 × 2 s warm-up, 5 × 2 s measured (with one fork of 1 s
			// iterations the JIT had not settled and the error exceeded the score)
			.forks(full ? 2 : 0)
			.warmupIterations(full ? 5 : smoke ? 0 : 1)
			.warmupTime(TimeValue.seconds(full ? 2 : 1))
			.measurementIterations(full ? 5 : smoke ? 1 : 2)
			.measurementTime(smoke ? TimeValue.milliseconds(200) : TimeValue.seconds(full ? 2 : 1))
			.shouldFailOnError(true);
		List<Comparison> comparisons = new ArrayList<>();
		for (RunResult result : new Runner(options.build()).run()) {
			String label = result.getParams().getBenchmark();
			String name = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
			Figure figure = new Figure(name, result.getPrimaryResult().getScore(),
					result.getPrimaryResult().getScoreUnit());
			double error = result.getPrimaryResult().getScoreError();
			// JMH gives an error only when it measured more than one iteration in a fork
			List<Figure> details = Double.isNaN(error) ? List.of()
					: List.of(new Figure("± error (99.9%)", error, result.getPrimaryResult().getScoreUnit()));
			comparisons.add(new Comparison(name(), figure, null, null, false, true, details));
		}
		return comparisons;
	}

}
