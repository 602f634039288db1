package io.keepline.ingest.http;

import java.util.List;

import io.keepline.contracts.OperatorId;
import io.keepline.ingest.csv.CsvFailures;
import io.keepline.ingest.csv.CsvImportFailed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every kind of refused request and failed CSV import has its answer: the check Java 17's
 * {@code switch} cannot make over a sealed type.
 */
class IngestExceptionHandlerTest {

	final IngestExceptionHandler handler = new IngestExceptionHandler();

	@Test
	void answersEveryKindOfRefusedRequest() {
		List<IngestProblem> problems = List.of(new IngestProblem.Unauthorized(), new IngestProblem.BadRequest("bad"),
				new IngestProblem.TooLarge("big"), new IngestProblem.TooSlow("slow"),
				new IngestProblem.TooManyRequests(OperatorId.of("base")));
		assertThat(problems).extracting(Object::getClass)
			.containsExactlyInAnyOrder(IngestProblem.class.getPermittedSubclasses());

		for (IngestProblem problem : problems) {
			assertThatCode(() -> this.handler.refused(problem)).as(problem.getClass().getSimpleName())
				.doesNotThrowAnyException();
			assertThat(this.handler.refused(problem).getStatusCode()).isEqualTo(problem.status());
		}
		assertThat(this.handler.refused(problems.get(4)).getHeaders().getFirst("Retry-After")).isEqualTo("1");
	}

	@Test
	void answersEveryKindOfFailedCsvImport() {
		List<CsvImportFailed> failures = CsvFailures.everyKind();
		assertThat(failures).extracting(Object::getClass)
			.containsExactlyInAnyOrder(CsvImportFailed.class.getPermittedSubclasses());

		for (CsvImportFailed failure : failures) {
			assertThatCode(() -> this.handler.csvFailed(failure)).as(failure.getClass().getSimpleName())
				.doesNotThrowAnyException();
		}
	}

}
