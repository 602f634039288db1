package io.keepline.notifier;

import io.keepline.testsupport.Architecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

	@Test
	void dependsOnNoOtherServiceKeepsItsLogicPlainAndHasNoPackageCycles() {
		Architecture.of("notifier").dependsOnNoOtherService().plainJava("message", "delivery").hasNoPackageCycles();
	}

}
