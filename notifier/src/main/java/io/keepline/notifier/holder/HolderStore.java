package io.keepline.notifier.holder;

import java.util.List;
import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.choice.HolderChoices;
import io.keepline.contracts.linerecord.LineRecord;

/**
 * What the holder endpoints read and write: the line records and holder choices this
 * instance holds, and the choices topic. The Kafka adapter reads the notifier's global
 * stores; a test passes maps.
 */
public interface HolderStore {

	Optional<LineRecord> line(Msisdn msisdn);

	/** Every line whose holder's SMS number is {@code sms}. */
	List<LineRecord> linesReachedBy(Msisdn sms);

	Optional<HolderChoices> choices(Msisdn msisdn);

	/** Writes {@code choices}; durable (acknowledged by Kafka) when it returns. */
	void save(HolderChoices choices);

}
