package io.keepline.reliability.abuse;

import io.keepline.testsupport.RealKafka;
import org.junit.jupiter.api.Nested;

/**
 * Both abuse scenarios as one test class, so that the whole suite can run them in one of
 * its two test JVMs beside the other scenarios (they share one start of the services,
 * {@link AbuseServices}, which needs them in one JVM) instead of after them.
 */
@RealKafka
class AbuseScenariosTest {

	@Nested
	class BadInput extends BadInputTest {

	}

	@Nested
	class LinkAbuse extends LinkAbuseTest {

	}

}
