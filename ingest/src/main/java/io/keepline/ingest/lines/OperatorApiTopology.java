package io.keepline.ingest.lines;

import org.apache.kafka.streams.StreamsBuilder;

/**
 * Global stores a part of the operator API adds to the operator API's Streams
 * application; each is a bean.
 */
@FunctionalInterface
public interface OperatorApiTopology {

	void define(StreamsBuilder builder);

}
