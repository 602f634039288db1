package io.keepline.scheduler.deadline;

import java.util.List;

import io.keepline.scheduler.deadline.Milestone.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MilestoneTest {

	@Test
	void readsBackEveryShortCodeItWrites() {
		List<Milestone> milestones = List.of(Milestone.fired(DueKind.REMINDER, 7), Milestone.skippedReminder(30),
				Milestone.fired(DueKind.FAILURE_REMINDER, 2), Milestone.fired(DueKind.AUTO_RENEWAL, 3),
				Milestone.fired(DueKind.LAPSE, 0), Milestone.CONFIRMED);

		assertThat(milestones).extracting(Milestone::code).containsExactly("R7", "X30", "F2", "A3", "L0", "C");
		assertThat(milestones)
			.allSatisfy((milestone) -> assertThat(Milestone.ofCode(milestone.code())).isEqualTo(milestone));
	}

	@Test
	void givesEveryDueKindTheMilestoneOfItsName() {
		for (DueKind kind : DueKind.values()) {
			assertThat(Milestone.fired(kind, 1).kind()).isEqualTo(Kind.valueOf(kind.name()));
		}
	}

	@Test
	void refusesWhatIsNotAMilestone() {
		assertThatIllegalArgumentException().isThrownBy(() -> Milestone.ofCode("Z1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Milestone.ofCode("Rx"));
		assertThatIllegalArgumentException().isThrownBy(() -> Milestone.ofCode(""));
		assertThatIllegalArgumentException().isThrownBy(() -> new Milestone(Kind.LAPSE, 0, true));
	}

}
