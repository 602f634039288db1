package io.keepline.reliability.privacy;

import io.keepline.standalone.Pipeline;
import io.keepline.testsupport.KafkaCluster;

/**
 * The standalone's own broker as test-support's {@link KafkaCluster}, for topic probes
 * (the standalone's end-to-end test has the same adapter in its package-private test
 * code).
 */
record PipelineBroker(Pipeline pipeline) implements KafkaCluster {

	@Override
	public String bootstrapServers() {
		return this.pipeline.bootstrapServers();
	}

	@Override
	public String description() {
		return "the standalone's broker";
	}

	@Override
	public void close() {
		// The pipeline stops its broker.
	}

}
