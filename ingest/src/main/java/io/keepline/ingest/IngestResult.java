package io.keepline.ingest;

import java.util.List;

import io.keepline.ingest.validation.Validation;

/**
 * The verdicts on a batch, in input order, once the batch is in Kafka.
 */
public record IngestResult(List<Validation> verdicts, int accepted, int rejected) {

}
