package io.keepline.scheduler.engine;

import java.util.concurrent.TimeUnit;

import io.keepline.contracts.Msisdn;
import io.keepline.scheduler.deadline.DueKind;
import org.apache.kafka.common.utils.Bytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding a due-index key (big-endian due millis, msisdn, kind, stage): done for every
 * deadline planned, moved or deleted. It lives in the scheduler's engine package only
 * because {@code DueIndex.key} is package-private there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DueIndexKeyBenchmark {

	private final Msisdn msisdn = Msisdn.of("+32470123456");

	private long due = 1_798_711_200_000L;

	@Benchmark
	public Bytes encodeDueIndexKey() {
		return DueIndex.key(this.due++, this.msisdn, DueKind.REMINDER, 7);
	}

}
