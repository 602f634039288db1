package io.keepline.scheduler.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.line.LineOwner;
import io.keepline.scheduler.deadline.EngineSettings;
import io.keepline.scheduler.deadline.LineRules;
import io.keepline.scheduler.deadline.LineState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineStateSerdeTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

	private final LineStateSerde serde = new LineStateSerde();

	private final LineRules rules = new LineRules(EngineSettings.defaults());

	@Test
	void readsBackWhatItWrote() {
		LineState state = registered();

		assertThat(this.serde.deserialize("t", this.serde.serialize("t", state))).isEqualTo(state);
	}

	@Test
	void givesAStateStoredBeforeOwnershipWasKeptToTheOperatorThatRegisteredIt() {
		LineState active = registered();
		LineState cancelled = this.rules.apply(active, LINE, Fixtures.cancelled(LINE, NOW.plusSeconds(1)), NOW).state();

		assertThat(this.serde.deserialize("t", withoutOwner(active)).owner()).isEqualTo(LineOwner.of(Fixtures.ORANGE));
		assertThat(this.serde.deserialize("t", withoutOwner(cancelled)).owner())
			.isEqualTo(LineOwner.of(Fixtures.ORANGE).release());
	}

	private byte[] withoutOwner(LineState state) {
		String json = new String(this.serde.serialize("t", state), StandardCharsets.UTF_8);
		String stripped = json.replaceFirst("\"owner\":\\{[^}]*\\},", "");
		assertThat(stripped).doesNotContain("\"owner\"");
		return stripped.getBytes(StandardCharsets.UTF_8);
	}

	private LineState registered() {
		return this.rules
			.apply(null, LINE, Fixtures.registered(LINE, LocalDate.parse("2027-03-15"), "Europe/Brussels", NOW), NOW)
			.state();
	}

}
