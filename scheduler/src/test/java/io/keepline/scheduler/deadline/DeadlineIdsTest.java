package io.keepline.scheduler.deadline;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Msisdn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadline ids stay those of earlier versions, which downstream deduplication relies on.
 */
class DeadlineIdsTest {

	@Test
	void areTheNameBasedUuidsOfCycleAndDeadline() {
		CycleId cycle = new CycleId(Msisdn.of("+32470123456"), LocalDate.parse("2027-03-15"));
		for (String what : new String[] { "reminder:7", "auto-renewal:1", "lapsed", "reminder:1" }) {
			UUID expected = UUID.nameUUIDFromBytes(
					("keepline:deadline:" + cycle.asString() + ":" + what).getBytes(StandardCharsets.UTF_8));
			assertThat(DeadlineIds.of(cycle, what)).isEqualTo(expected);
			assertThat(DeadlineIds.of(cycle, what)).isEqualTo(expected);
		}
		assertThat(DeadlineIds.of(cycle, "reminder:7")).isNotEqualTo(DeadlineIds.of(cycle, "reminder:1"));
	}

}
