package io.keepline.ingest;

import io.keepline.testsupport.Architecture;
import org.junit.jupiter.api.Test;

/**
 * Ingest depends on no other service; its validation of the wire format and its CSV
 * import are plain Java; its packages have no cycles.
 */
class ArchitectureTest {

	@Test
	void keepsTheServiceRules() {
		Architecture.of("ingest").dependsOnNoOtherService().plainJava("validation", "csv").hasNoPackageCycles();
	}

}
