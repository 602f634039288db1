package io.keepline.scheduler;

import io.keepline.testsupport.Architecture;
import org.junit.jupiter.api.Test;

/**
 * The scheduler depends on no other service, its deadline rules and planning are plain
 * Java, and its packages have no cycles.
 */
class ArchitectureTest {

	@Test
	void keepsTheRulesPlainAndThePackagesAcyclic() {
		Architecture.of("scheduler").dependsOnNoOtherService().plainJava("deadline").hasNoPackageCycles();
	}

}
