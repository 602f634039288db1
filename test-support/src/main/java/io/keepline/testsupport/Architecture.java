package io.keepline.testsupport;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every Keepline service keeps, checked by ArchUnit over its main
 * classes: a service depends on {@code contracts} and {@code service-support} only, never
 * on another service; its rule and planning packages import neither Spring nor Kafka; its
 * packages have no cycles.
 */
public final class Architecture {

	private static final List<String> SERVICES = List.of("ingest", "scheduler", "notifier", "payments", "standalone");

	private final String service;

	private final JavaClasses classes;

	private Architecture(String service, JavaClasses classes) {
		this.service = service;
		this.classes = classes;
	}

	/**
	 * The main classes of the service whose root package is
	 * {@code io.keepline.<service>}.
	 */
	public static Architecture of(String service) {
		return new Architecture(service,
				new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
					.importPackages(root(service)));
	}

	/** Fails unless the service depends on no other service. */
	public Architecture dependsOnNoOtherService() {
		String[] others = SERVICES.stream()
			.filter((other) -> !other.equals(this.service))
			.map((other) -> root(other) + "..")
			.toArray(String[]::new);
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.because("a service depends on contracts and service-support only")
			.check(this.classes);
		return this;
	}

	/**
	 * Fails if a class of these sub-packages ({@code deadline} for
	 * {@code io.keepline.<service>.deadline}) uses Spring or Kafka: rules and planning
	 * are plain Java, testable without either.
	 */
	public Architecture plainJava(String... subPackages) {
		String[] packages = java.util.Arrays.stream(subPackages)
			.map((sub) -> root(this.service) + "." + sub + "..")
			.toArray(String[]::new);
		noClasses().that()
			.resideInAnyPackage(packages)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..")
			.because("rules and planning are plain Java")
			.check(this.classes);
		return this;
	}

	/** Fails if two packages of the service depend on each other, however indirectly. */
	public Architecture hasNoPackageCycles() {
		slices().matching(root(this.service) + ".(**)").should().beFreeOfCycles().check(this.classes);
		return this;
	}

	private static String root(String service) {
		return "io.keepline." + service;
	}

}
