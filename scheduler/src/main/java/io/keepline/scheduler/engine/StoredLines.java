package io.keepline.scheduler.engine;

import io.keepline.contracts.Msisdn;
import io.keepline.scheduler.deadline.LineRules;
import io.keepline.scheduler.deadline.LineState;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Loads a line's state as the rules see it: the stored state with the reminders that
 * fired since it was written (their due-index entries gone, the state not rewritten)
 * marked fired. The processor and the line API both load lines through it.
 */
public final class StoredLines {

	private StoredLines() {
	}

	public static LineState load(Msisdn msisdn, ReadOnlyKeyValueStore<Msisdn, LineState> lines,
			ReadOnlyKeyValueStore<Bytes, byte[]> index, LineRules rules) {
		return rules.settle(lines.get(msisdn),
				(entry) -> index.get(DueIndex.key(entry.dueMillis(), msisdn, entry.kind(), entry.stage())) != null);
	}

}
