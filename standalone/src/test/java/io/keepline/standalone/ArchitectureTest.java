package io.keepline.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.keepline.testsupport.Architecture;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The standalone embeds the four services, so unlike a service it depends on them, but
 * only to start them: through their application classes, from its root package; the
 * console and the seeds know the services by their APIs and topics only.
 */
class ArchitectureTest {

	private static final String[] SERVICES = { "io.keepline.ingest..", "io.keepline.scheduler..",
			"io.keepline.notifier..", "io.keepline.payments.." };

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.keepline.standalone");

	@Test
	void hasNoPackageCyclesAndPlainJavaSeeds() {
		Architecture.of("standalone").plainJava("seed").hasNoPackageCycles();
	}

	@Test
	void reachesServicesThroughTheirApplicationClassesOnly() {
		noClasses().should()
			.dependOnClassesThat(resideInAnyPackage(SERVICES).and(not(annotatedWith(SpringBootApplication.class))))
			.because("the standalone starts the services; what they do inside is theirs")
			.check(this.classes);
	}

	@Test
	void startsServicesFromItsRootPackageOnly() {
		noClasses().that()
			.resideInAnyPackage("io.keepline.standalone.console..", "io.keepline.standalone.seed..",
					"io.keepline.standalone.broker..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(SERVICES)
			.because("the console and the seeds use the services' HTTP APIs and topics, as a user would")
			.check(this.classes);
	}

}
