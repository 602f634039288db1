package io.keepline.payments;

import io.keepline.testsupport.Architecture;
import org.junit.jupiter.api.Test;

/**
 * Payments depends on no other service; what it knows of a line ({@code line}) and its
 * gateway to Stripe ({@code gateway}) are plain Java; its packages have no cycles.
 */
class ArchitectureTest {

	@Test
	void keepsItsPackagesPlainWhereTheyHoldLogicAndFreeOfCycles() {
		Architecture.of("payments").dependsOnNoOtherService().plainJava("line", "gateway").hasNoPackageCycles();
	}

}
