package io.keepline.bench;

import java.util.List;

/**
 * One benchmark: it measures a Keepline path and its baseline in the same run and returns
 * the comparisons.
 */
public interface Suite {

	/** Short name used by {@code --only}, such as {@code ingest}. */
	String name();

	List<Comparison> run(BenchContext context) throws Exception;

}
